package it.filodiretto.web.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.campaign.Dispatch;
import it.filodiretto.domain.campaign.DispatchHalt;
import it.filodiretto.domain.campaign.MessagingLimit;
import it.filodiretto.domain.common.DomainException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import org.eclipse.microprofile.config.ConfigProvider;
import jakarta.inject.Inject;
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

import static it.filodiretto.domain.common.Jsons.JSON;

/** The stop-everything switch (role ADMIN): is sending halted by an account-level WhatsApp error, and resume it. */
@Path("v1/dispatch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dispatch")
public class DispatchResource {

    @Inject
    Dispatch dispatch;

    @Inject
    DispatchHalt halt;

    @Inject
    MessagingLimit limit;

    @Context
    SecurityContext security;

    @GET
    @Operation(summary = "Whether all sending is halted and why; the send rate; WhatsApp's 24-hour messaging limit and its use")
    public JsonObject state() {
        return JSON.createObjectBuilder().add("halted", halt.reason().isPresent()).add("reason", halt.reason().orElse(""))
                .add("ratePerSecond",
                        ConfigProvider.getConfig().getOptionalValue("filodiretto.dispatch.rate-per-second", Integer.class).orElse(80))
                .add("messagingLimit", limit.limit()).add("uniqueRecipients24h", limit.usedLast24h()).build();
    }

    /** Body {@code {"messagingLimit":2000}}: the number's current tier (250, 2000, 10000, 100000; 0 = unlimited). */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set WhatsApp's messaging-limit tier of the number")
    public JsonObject change(JsonObject body) {
        if (body == null || !(body.get("messagingLimit") instanceof jakarta.json.JsonNumber n)) {
            throw new DomainException(DomainError.DISPATCH_TIER);
        }
        limit.change(n.longValue(), security.getUserPrincipal().getName());
        return state();
    }

    @POST
    @Path("resume")
    @Operation(summary = "Resume sending after the cause (token, account, payment) was fixed")
    public JsonObject resume() {
        boolean resumed = dispatch.resumeAll(security.getUserPrincipal().getName());
        return JSON.createObjectBuilder().add("resumed", resumed).add("halted", halt.reason().isPresent()).build();
    }
}
