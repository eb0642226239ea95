package it.filodiretto.domain.staff;

import java.util.Set;

/** What an administrator enters to create an account. */
public record NewStaffAccount(String username, String displayName, String password, Set<Role> roles) {
}
