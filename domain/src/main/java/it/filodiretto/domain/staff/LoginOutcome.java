package it.filodiretto.domain.staff;

import java.util.Set;

/** The result of checking a username and password. Failures say why only to the audit trail. */
public sealed interface LoginOutcome {

    record Accepted(String username, String displayName, Set<Role> roles) implements LoginOutcome {
    }

    record Refused(Reason reason) implements LoginOutcome {
    }

    enum Reason { BAD_CREDENTIALS, LOCKED, DISABLED }
}
