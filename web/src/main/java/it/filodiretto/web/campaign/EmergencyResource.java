package it.filodiretto.web.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.EmergencyAlerts;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.LinkedHashSet;

/** The emergency fast lane for automation (role EMERGENCY): sent at once, reviewed afterwards. */
@Path("v1/emergencies")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Emergencies", description = "Alerts without prior review, to every subscriber of the emergencies topic")
public class EmergencyResource {

    @Inject
    EmergencyAlerts alerts;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send an emergency alert now", description = "{\"template\":\"allerta_meteo\",\"headerParameters\":[…],\"bodyParameters\":[…],\"neighbourhoods\":[…],\"reason\":\"…\"}")
    @APIResponse(responseCode = "201", description = "The alert's campaign, already SENDING")
    public Response send(JsonObject body) {
        if (body == null) {
            throw new DomainException(DomainError.API_MISSING_BODY);
        }
        Campaign alert = alerts.send(body.getString("template", ""), CampaignResource.strings(body, "headerParameters"),
                CampaignResource.strings(body, "bodyParameters"), new LinkedHashSet<>(CampaignResource.strings(body, "neighbourhoods")),
                body.getString("reason", null), Callers.of(security));
        return Response.created(uri.getBaseUriBuilder().path("v1/campaigns/" + alert.id()).build()).entity(CampaignJson.campaign(alert))
                .build();
    }
}
