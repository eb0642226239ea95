package it.filodiretto.web.security;

import it.filodiretto.domain.staff.LoginOutcome;
import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.staff.StaffService;
import it.filodiretto.web.i18n.Texts;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The application's one authentication mechanism (Jakarta Security):
 * <ul>
 *   <li>the console: form login through the Faces login page ({@code SecurityContext.authenticate}),
 *       the identity kept in the HTTP session, whose id is renewed at login (no session fixation);
 *       a protected page without a session redirects to the login page and back afterwards;</li>
 *   <li>{@code /api/*}: HTTP Basic on every request, no session; errors are JSON.</li>
 * </ul>
 * Both check passwords through {@link StaffService#authenticate}, which throttles repeated failures.
 */
@ApplicationScoped
@DeclareRoles({"ADMIN", "EDITOR", "REVIEWER", "EMERGENCY", "PRIVACY_OFFICER", "OPERATOR"})
public class ConsoleAuthenticationMechanism implements HttpAuthenticationMechanism {

    public static final String LOGIN_PAGE = "/login.xhtml";
    public static final String ORIGINAL_URL = ConsoleAuthenticationMechanism.class.getName() + ".originalUrl";

    @Inject
    StaffService staff;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        SecurityHeadersFilter.apply(request, response);
        if (context.isAuthenticationRequest()) {
            return formLogin(request, context);
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            return basic(request, response, context);
        }
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(SessionIdentity.ATTRIBUTE) instanceof SessionIdentity identity) {
            return context.notifyContainerAboutLogin(identity.username(), identity.roles());
        }
        if (context.isProtected()) {
            String query = request.getQueryString();
            if ("GET".equals(request.getMethod())) {
                request.getSession(true).setAttribute(ORIGINAL_URL, path + (query == null ? "" : "?" + query));
            }
            if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                return ajaxRedirect(request, response);
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /**
     * The session ended (timeout, logout elsewhere) while the page was open: an AJAX request (a button, the
     * polling of a statistics panel) gets Faces' own redirect instruction, so the browser goes to the login
     * page instead of failing silently on a login page where it expected a partial response.
     */
    private static AuthenticationStatus ajaxRedirect(HttpServletRequest request, HttpServletResponse response) {
        try {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + request.getContextPath() + LOGIN_PAGE + "\"></redirect></partial-response>");
            return AuthenticationStatus.SEND_CONTINUE;
        } catch (java.io.IOException e) {
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    private AuthenticationStatus formLogin(HttpServletRequest request, HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (!(credential instanceof UsernamePasswordCredential up)) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        LoginOutcome outcome = staff.authenticate(up.getCaller(), up.getPasswordAsString(), "console", true);
        if (outcome instanceof LoginOutcome.Accepted accepted) {
            Set<String> roles = names(accepted.roles());
            HttpSession session = request.getSession(true);
            request.changeSessionId();
            session = request.getSession(false);
            session.setAttribute(SessionIdentity.ATTRIBUTE,
                    new SessionIdentity(accepted.username(), accepted.displayName(), roles));
            return context.notifyContainerAboutLogin(accepted.username(), roles);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
            HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return context.isProtected() ? unauthorized(request, response, "authentication_required") : context.doNothing();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return unauthorized(request, response, "malformed_credentials");
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return unauthorized(request, response, "malformed_credentials");
        }
        LoginOutcome outcome = staff.authenticate(decoded.substring(0, colon), decoded.substring(colon + 1), "api", false);
        if (outcome instanceof LoginOutcome.Accepted accepted) {
            return context.notifyContainerAboutLogin(accepted.username(), names(accepted.roles()));
        }
        return unauthorized(request, response, "invalid_credentials");
    }

    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response, String code) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"filodiretto\", charset=\"UTF-8\"");
            response.setContentType("application/json;charset=UTF-8");
            response.getWriter().write(JSON.createObjectBuilder()
                    .add("error", code)
                    .add("message", Texts.text(Texts.of(request), "error.api.credentials"))
                    .build().toString());
        } catch (IOException e) {
            // the client went away; nothing else to do
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static Set<String> names(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.toUnmodifiableSet());
    }
}
