package it.filodiretto.web.security;

import it.filodiretto.domain.staff.Caller;
import it.filodiretto.domain.staff.Role;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.ws.rs.core.SecurityContext;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;

/** The authenticated staff member as the domain sees them: username and roles. */
public final class Callers {

    private Callers() {
    }

    public static Caller of(SecurityContext security) {
        return new Caller(security.getUserPrincipal().getName(), roles(r -> security.isUserInRole(r.name())));
    }

    /** The console's user (Faces request). */
    public static Caller current() {
        ExternalContext context = FacesContext.getCurrentInstance().getExternalContext();
        return new Caller(context.getRemoteUser(), roles(r -> context.isUserInRole(r.name())));
    }

    private static Set<Role> roles(Predicate<Role> has) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role r : Role.values()) {
            if (has.test(r)) {
                roles.add(r);
            }
        }
        return roles;
    }
}
