package it.filodiretto.web.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.net.URI;

/**
 * Security headers on every response. The Content-Security-Policy allows inline scripts and styles because
 * PrimeFaces generates them; everything else (frames, plugins, foreign origins) is shut.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true, dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD,
        DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static volatile String contentSecurityPolicy;

    /**
     * The policy for a logo at {@code logoUrl}: a path inside the application needs nothing more; an absolute
     * {@code https://} logo (docs/configuration.md) adds its origin to {@code img-src}, and nothing else.
     */
    static String contentSecurityPolicy(String logoUrl) {
        String logoOrigin = "";
        if (logoUrl != null && logoUrl.startsWith("https://")) {
            try {
                String host = URI.create(logoUrl.strip()).getRawAuthority();
                if (host != null && host.matches("[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                    logoOrigin = " https://" + host;
                }
            } catch (IllegalArgumentException notAUrl) {
                // the logo will not show; the policy stays the strict one
            }
        }
        return "default-src 'self'; "
                + "script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                + "style-src 'self' 'unsafe-inline'; "
                + "img-src 'self' data:" + logoOrigin + "; font-src 'self' data:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    private static String contentSecurityPolicy() {
        String policy = contentSecurityPolicy;
        if (policy == null) {
            policy = contentSecurityPolicy(
                    ConfigProvider.getConfig().getOptionalValue("filodiretto.city.logo-url", String.class).orElse(null));
            contentSecurityPolicy = policy;
        }
        return policy;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(request, response);
        chain.doFilter(request, response);
    }

    /** Also called by the authentication mechanism, whose refusals never reach the filter chain. */
    public static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", contentSecurityPolicy());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/console/") || path.startsWith("/api/") || path.equals("/login.xhtml")) {
            response.setHeader("Cache-Control", "no-store");
        }
    }
}
