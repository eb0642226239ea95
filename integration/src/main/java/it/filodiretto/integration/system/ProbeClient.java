package it.filodiretto.integration.system;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.json.JsonObject;

/** REST client of the application's own flaky diagnostic endpoint (built per call with its base URI). */
@Path("/api/v1/system/probe")
public interface ProbeClient {

    @GET
    @Path("{token}")
    @Produces(MediaType.APPLICATION_JSON)
    JsonObject probe(@PathParam("token") String token);
}
