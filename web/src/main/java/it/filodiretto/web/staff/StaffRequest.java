package it.filodiretto.web.staff;

import java.util.List;

/** The JSON body of {@code POST /api/v1/staff} and {@code PUT /api/v1/staff/{username}}. */
public class StaffRequest {

    public String username;
    public String displayName;
    public String password;
    public List<String> roles;
    public Boolean enabled;
}
