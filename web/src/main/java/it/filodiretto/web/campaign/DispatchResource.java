package it.filodiretto.web.campaign;

import it.filodiretto.domain.campaign.Dispatch;
import it.filodiretto.domain.campaign.DispatchHalt;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The stop-everything switch (role ADMIN): is sending halted by an account-level WhatsApp error, and resume it. */
@Path("v1/dispatch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dispatch")
public class DispatchResource {

    @Inject
    Dispatch dispatch;

    @Inject
    DispatchHalt halt;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Whether all sending is halted, and why")
    public JsonObject state() {
        return Json.createObjectBuilder().add("halted", halt.reason().isPresent()).add("reason", halt.reason().orElse("")).build();
    }

    @POST
    @Path("resume")
    @Operation(summary = "Resume sending after the cause (token, account, payment) was fixed")
    public JsonObject resume() {
        boolean resumed = dispatch.resumeAll(security.getUserPrincipal().getName());
        return Json.createObjectBuilder().add("resumed", resumed).add("halted", halt.reason().isPresent()).build();
    }
}
