package it.filodiretto.web.staff;

import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.staff.StaffAccount;

import java.util.List;

/** A staff account as the JSON API shows it (never the password hash). */
public record StaffRepresentation(String username, String displayName, List<String> roles, boolean enabled,
        String createdAt, String lastLoginAt) {

    static StaffRepresentation of(StaffAccount account) {
        return new StaffRepresentation(account.username(), account.displayName(),
                account.roles().stream().map(Role::name).sorted().toList(), account.isEnabled(),
                account.createdAt() == null ? null : account.createdAt().toString(),
                account.lastLoginAt() == null ? null : account.lastLoginAt().toString());
    }
}
