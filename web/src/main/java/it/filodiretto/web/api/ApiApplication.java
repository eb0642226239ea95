package it.filodiretto.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON API under {@code /api}: {@code /api/v1/...} for the city's systems and automation. The
 * webhook and the sandbox have applications of their own, so each path prefix serves only its resources.
 */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
