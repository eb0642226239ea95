package it.filodiretto.web.sandbox;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** {@code /sandbox/phone}: the simulated phone page (static HTML and JavaScript over the sandbox API). */
@Path("phone")
public class SandboxPhoneResource {

    @Context
    ServletContext servletContext;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String page() throws IOException {
        try (InputStream in = servletContext.getResourceAsStream("/WEB-INF/sandbox/phone.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@CONTEXT@", servletContext.getContextPath());
        }
    }
}
