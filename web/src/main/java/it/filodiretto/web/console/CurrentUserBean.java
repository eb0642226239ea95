package it.filodiretto.web.console;

import it.filodiretto.web.security.SessionIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;

import java.util.List;
import java.util.Set;

/** The logged-in staff member, for the console frame and the dashboard. */
@Named("currentUser")
@RequestScoped
public class CurrentUserBean {

    @Inject
    FacesContext faces;

    private SessionIdentity identity() {
        HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
        return session == null ? null : (SessionIdentity) session.getAttribute(SessionIdentity.ATTRIBUTE);
    }

    public boolean isLoggedIn() {
        return identity() != null;
    }

    public String getUsername() {
        SessionIdentity identity = identity();
        return identity == null ? "" : identity.username();
    }

    public String getDisplayName() {
        SessionIdentity identity = identity();
        return identity == null ? "" : identity.displayName();
    }

    public List<String> getRoles() {
        SessionIdentity identity = identity();
        Set<String> roles = identity == null ? Set.of() : identity.roles();
        return roles.stream().sorted().toList();
    }
}
