package it.filodiretto.web.sandbox;

import it.filodiretto.integration.api.Sandbox;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** When the sandbox is off (production), every {@code /sandbox} path answers 404. */
@WebFilter(urlPatterns = "/sandbox/*")
public class SandboxGuardFilter extends HttpFilter {

    @Inject
    Sandbox sandbox;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!sandbox.enabled()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }
}
