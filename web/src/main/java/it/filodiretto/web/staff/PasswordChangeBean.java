package it.filodiretto.web.staff;

import it.filodiretto.domain.staff.StaffService;
import it.filodiretto.web.console.FacesFeedback;
import it.filodiretto.web.security.SessionIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * The console's own password change ({@code /console/password.xhtml}); where a user whose password was generated
 * by the application is sent until they choose one.
 */
@Named
@RequestScoped
public class PasswordChangeBean {

    @Inject
    StaffService staff;

    @Inject
    FacesContext faces;

    @Inject
    FacesFeedback feedback;

    private String currentPassword;
    private String newPassword;
    private String confirmation;

    public boolean isRequired() {
        return identity() != null && identity().mustChangePassword();
    }

    public void change() throws IOException {
        SessionIdentity identity = identity();
        try {
            if (newPassword == null || !newPassword.equals(confirmation)) {
                feedback.error("password.mismatch");
                return;
            }
            staff.changeOwnPassword(identity.username(), currentPassword, newPassword);
            session().setAttribute(SessionIdentity.ATTRIBUTE, identity.passwordChanged());
            ExternalContext external = faces.getExternalContext();
            external.getFlash().setKeepMessages(true);
            feedback.info("password.changed");
            external.redirect(external.getRequestContextPath() + "/console/index.xhtml");
            faces.responseComplete();
        } catch (RuntimeException e) {
            feedback.failure(e);
        } finally {
            currentPassword = null;
            newPassword = null;
            confirmation = null;
        }
    }

    private HttpSession session() {
        return ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false);
    }

    private SessionIdentity identity() {
        HttpSession session = session();
        return session != null && session.getAttribute(SessionIdentity.ATTRIBUTE) instanceof SessionIdentity id ? id : null;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
