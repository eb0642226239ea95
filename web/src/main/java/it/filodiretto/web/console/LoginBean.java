package it.filodiretto.web.console;

import it.filodiretto.domain.staff.StaffService;
import it.filodiretto.web.security.ConsoleAuthenticationMechanism;
import it.filodiretto.web.security.SessionIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.NotBlank;

import java.io.IOException;

/** The login page and logout. */
@Named
@RequestScoped
public class LoginBean {

    @Inject
    SecurityContext securityContext;

    @Inject
    StaffService staff;

    @Inject
    FacesContext faces;

    @NotBlank
    private String username;

    @NotBlank
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = securityContext.authenticate(request, response,
                AuthenticationParameters.withParams()
                        .newAuthentication(true)
                        .credential(new UsernamePasswordCredential(username, new Password(password))));
        password = null;
        if (status == AuthenticationStatus.SUCCESS) {
            HttpSession session = request.getSession(false);
            Object original = session == null ? null : session.getAttribute(ConsoleAuthenticationMechanism.ORIGINAL_URL);
            if (session != null) {
                session.removeAttribute(ConsoleAuthenticationMechanism.ORIGINAL_URL);
            }
            String target = original instanceof String url && url.startsWith("/") && !url.startsWith("//")
                    ? url : "/console/index.xhtml";
            external.redirect(external.getRequestContextPath() + target);
            faces.responseComplete();
        } else if (status == AuthenticationStatus.SEND_CONTINUE) {
            faces.responseComplete();
        } else if (request.getAttribute(ConsoleAuthenticationMechanism.THROTTLED_SECONDS) instanceof Long seconds) {
            String pattern = faces.getApplication().getResourceBundle(faces, "msg").getString("login.throttled");
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    new java.text.MessageFormat(pattern, faces.getViewRoot().getLocale()).format(new Object[]{seconds}), null));
        } else {
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    faces.getApplication().getResourceBundle(faces, "msg").getString("login.failed"), null));
        }
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SessionIdentity.ATTRIBUTE) instanceof SessionIdentity identity) {
            staff.recordLogout(identity.username());
        }
        request.logout();
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + ConsoleAuthenticationMechanism.LOGIN_PAGE + "?bye=1");
        faces.responseComplete();
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
