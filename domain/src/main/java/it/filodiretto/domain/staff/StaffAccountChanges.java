package it.filodiretto.domain.staff;

import java.util.Set;

/** A partial update of an account: a null field is left as it is. */
public record StaffAccountChanges(String displayName, Set<Role> roles, Boolean enabled, String newPassword) {
}
