package it.filodiretto.web.security;

import java.io.Serializable;
import java.util.Set;

/** Who is logged in to this HTTP session, kept in the session after a successful form login. */
public record SessionIdentity(String username, String displayName, Set<String> roles) implements Serializable {

    public static final String ATTRIBUTE = SessionIdentity.class.getName();
}
