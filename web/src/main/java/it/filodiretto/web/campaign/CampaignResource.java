package it.filodiretto.web.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.campaign.Audience;
import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.CampaignFilter;
import it.filodiretto.domain.campaign.CampaignState;
import it.filodiretto.domain.campaign.CampaignStats;
import it.filodiretto.domain.campaign.Campaigns;
import it.filodiretto.domain.campaign.EmergencyAlerts;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.web.security.Callers;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Campaigns for the city's systems and automation: the same roles and the same domain rules as the
 * console (there is no shortcut around the workflow). Errors are {@code {"error","message"}} with 400, 403,
 * 404 or 409.
 */
@Path("v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Campaigns", description = "Editorial workflow, scheduling, sending control and statistics")
public class CampaignResource {

    @Inject
    Campaigns campaigns;

    @Inject
    CampaignStats stats;

    @Inject
    Audience audience;

    @Inject
    TemplateRegistry templates;

    @Inject
    EmergencyAlerts emergencies;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "List campaigns", description = "Filters: state, author, topic, created from/to (YYYY-MM-DD); newest first")
    public JsonArray list(@QueryParam("state") String state, @QueryParam("author") String author, @QueryParam("topic") String topic,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("first") @DefaultValue("0") int first, @QueryParam("max") @DefaultValue("100") int max) {
        CampaignFilter filter = new CampaignFilter(state(state), author, topic, date(from), date(to), null, null);
        JsonArrayBuilder result = JSON.createArrayBuilder();
        campaigns.list(filter, Math.max(0, first), Math.min(Math.max(1, max), 500)).forEach(c -> result.add(CampaignJson.campaign(c)));
        return result.build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft (EDITOR)")
    @APIResponse(responseCode = "201", description = "The draft, with its version")
    @APIResponse(responseCode = "400", description = "Invalid content")
    @APIResponse(responseCode = "403", description = "Not an editor")
    public Response create(JsonObject body) {
        Campaign created = campaigns.create(CampaignJson.content(body), Callers.of(security));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
                .entity(CampaignJson.campaign(created)).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One campaign with its history")
    public JsonObject get(@PathParam("id") long id) {
        Campaign c = campaigns.find(id);
        JsonArrayBuilder warnings = JSON.createArrayBuilder();
        campaigns.warnings(c).forEach(warnings::add);
        return JSON.createObjectBuilder(CampaignJson.campaign(c)).add("warnings", warnings)
                .add("history", CampaignJson.history(campaigns.history(id))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update a draft (EDITOR)", description = "The body carries the version it was based on; 409 stale_version if someone saved since")
    public JsonObject update(@PathParam("id") long id, JsonObject body) {
        if (body == null || !(body.get("version") instanceof JsonNumber version)) {
            throw new DomainException(DomainError.CAMPAIGN_VERSION_REQUIRED);
        }
        return CampaignJson.campaign(campaigns.update(id, version.longValue(), CampaignJson.content(body), Callers.of(security)));
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit for review (EDITOR): runs every check")
    public JsonObject submit(@PathParam("id") long id) {
        return CampaignJson.campaign(campaigns.submit(id, Callers.of(security)));
    }

    @POST
    @Path("{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve (REVIEWER, never the author): freezes the content")
    @APIResponse(responseCode = "403", description = "The author or last editor cannot approve (four-eyes)")
    public JsonObject approve(@PathParam("id") long id, JsonObject body) {
        return CampaignJson.campaign(campaigns.approve(id, CampaignJson.comment(body), Callers.of(security)));
    }

    @POST
    @Path("{id}/request-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send back to the editor with a comment (REVIEWER)")
    public JsonObject requestChanges(@PathParam("id") long id, JsonObject body) {
        return CampaignJson.campaign(campaigns.requestChanges(id, CampaignJson.comment(body), Callers.of(security)));
    }

    @POST
    @Path("{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject with a comment (REVIEWER)")
    public JsonObject reject(@PathParam("id") long id, JsonObject body) {
        return CampaignJson.campaign(campaigns.reject(id, CampaignJson.comment(body), Callers.of(security)));
    }

    @POST
    @Path("{id}/schedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Schedule an approved campaign (REVIEWER)", description = "{\"at\":\"2026-12-01T09:30:00+01:00\"}; without 'at' it starts now")
    public JsonObject schedule(@PathParam("id") long id, JsonObject body) {
        return CampaignJson.campaign(campaigns.schedule(id, CampaignJson.time(body, "at"), Callers.of(security)));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel before sending (the author or a REVIEWER)")
    public JsonObject cancel(@PathParam("id") long id, JsonObject body) {
        return CampaignJson.campaign(campaigns.cancel(id, CampaignJson.comment(body), Callers.of(security)));
    }

    @POST
    @Path("{id}/pause")
    @Operation(summary = "Pause sending (REVIEWER)")
    public JsonObject pause(@PathParam("id") long id) {
        return CampaignJson.campaign(campaigns.pause(id, Callers.of(security)));
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume sending (REVIEWER)")
    public JsonObject resume(@PathParam("id") long id) {
        return CampaignJson.campaign(campaigns.resume(id, Callers.of(security)));
    }

    @POST
    @Path("{id}/stop")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Stop sending: the rest is not sent (REVIEWER)")
    public JsonObject stop(@PathParam("id") long id, JsonObject body) {
        return CampaignJson.campaign(campaigns.stop(id, CampaignJson.comment(body), Callers.of(security)));
    }

    @POST
    @Path("{id}/retry-failed")
    @Operation(summary = "Send again to recipients whose failure was transient (REVIEWER)")
    public JsonObject retryFailed(@PathParam("id") long id) {
        int retried = campaigns.retryFailed(id, Callers.of(security));
        return JSON.createObjectBuilder().add("retried", retried).build();
    }

    @POST
    @Path("{id}/post-hoc-review")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Review an emergency alert after it was sent (REVIEWER)")
    public JsonObject postHocReview(@PathParam("id") long id, JsonObject body) {
        return CampaignJson.campaign(campaigns.reviewAfterwards(id, CampaignJson.comment(body), Callers.of(security)));
    }

    @GET
    @Path("{id}/stats")
    @Operation(summary = "Deliveries per status and failures by WhatsApp error code")
    public JsonObject stats(@PathParam("id") long id) {
        Campaign c = campaigns.find(id);
        return JSON.createObjectBuilder(CampaignJson.stats(c, stats.counts(id), stats.failures(id)))
                .add("possibleDuplicates", stats.possibleDuplicates(id)).build();
    }

    @GET
    @Path("audience")
    @Operation(summary = "How many active subscribers a selection reaches", description = "topics and neighbourhoods comma-separated; with a template, its category counts (marketing opt-outs excluded)")
    public JsonObject audience(@QueryParam("topics") String topics, @QueryParam("neighbourhoods") String neighbourhoods,
            @QueryParam("template") String template, @QueryParam("language") @DefaultValue("it") String language) {
        MessageCategory category = template == null || template.isBlank() ? MessageCategory.UTILITY
                : templates.find(template, language).map(MessageTemplate::category)
                        .orElseThrow(() -> new DomainException(DomainError.TEMPLATE_UNKNOWN));
        Set<String> topicSet = csv(topics);
        if (topicSet.isEmpty()) {
            throw new DomainException(DomainError.SUBSCRIBER_NO_TOPIC);
        }
        return JSON.createObjectBuilder().add("count", audience.count(topicSet, csv(neighbourhoods), category)).build();
    }

    @GET
    @Path("post-hoc-queue")
    @Operation(summary = "Emergency alerts waiting for a reviewer's look")
    public JsonArray postHocQueue() {
        JsonArrayBuilder result = JSON.createArrayBuilder();
        campaigns.postHocQueue().forEach(c -> result.add(CampaignJson.campaign(c)));
        return result.build();
    }

    private static Set<String> csv(String text) {
        return text == null || text.isBlank() ? Set.of()
                : new LinkedHashSet<>(Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static CampaignState state(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return CampaignState.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainError.CAMPAIGN_INVALID_STATE);
        }
    }

    private static LocalDate date(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new DomainException(DomainError.API_INVALID_DATE);
        }
    }

    static java.util.List<String> strings(JsonObject body, String name) {
        if (body == null || body.get(name) == null || body.isNull(name)) {
            return java.util.List.of();
        }
        if (body.get(name).getValueType() != jakarta.json.JsonValue.ValueType.ARRAY) {
            throw new DomainException(DomainError.API_INVALID_FIELD, name);
        }
        return body.getJsonArray(name).stream().map(v -> v instanceof JsonString s ? s.getString() : v.toString()).toList();
    }
}
