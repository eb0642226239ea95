package it.filodiretto.web.system;

import it.filodiretto.domain.system.SelfTest;
import it.filodiretto.domain.system.SelfTestReport;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * {@code GET /api/v1/system/self-test} (ADMIN): proves on a running server that a message goes through the
 * broker to a message-driven bean and into the database, and that outbound calls are retried. 200 when
 * both hold, 503 otherwise; the body says which part failed.
 */
@Path("v1/system")
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    SelfTest selfTest;

    @Context
    SecurityContext security;

    @GET
    @Path("self-test")
    public Response selfTest(@Context UriInfo uri) {
        URI applicationBase = uri.getBaseUri().resolve("..");
        SelfTestReport report = selfTest.run(applicationBase, security.getUserPrincipal().getName());
        JsonObjectBuilder messaging = JSON.createObjectBuilder()
                .add("ok", report.messagingOk())
                .add("roundTripMillis", report.messagingRoundTripMillis());
        if (report.messagingError() != null) {
            messaging.add("error", report.messagingError());
        }
        JsonObjectBuilder faultTolerance = JSON.createObjectBuilder()
                .add("ok", report.faultToleranceOk())
                .add("attempts", report.faultToleranceAttempts());
        if (report.faultToleranceError() != null) {
            faultTolerance.add("error", report.faultToleranceError());
        }
        JsonObject body = JSON.createObjectBuilder()
                .add("ok", report.ok())
                .add("messaging", messaging)
                .add("faultTolerance", faultTolerance)
                .build();
        return Response.status(report.ok() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body).build();
    }
}
