package it.filodiretto.domain.staff;

import java.util.Set;

/** Who is asking, as the web layer authenticated them: the domain decides with this what they may do. */
public record Caller(String username, Set<Role> roles) {

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
