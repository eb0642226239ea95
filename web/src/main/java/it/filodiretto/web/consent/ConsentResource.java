package it.filodiretto.web.consent;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.consent.ConsentRecord;
import it.filodiretto.domain.consent.DataSubjectRights;
import it.filodiretto.domain.consent.ConsentRegister;
import it.filodiretto.domain.consent.RegisterFilter;
import it.filodiretto.domain.consent.SubjectRequest;
import it.filodiretto.domain.consent.SubjectRequests;
import it.filodiretto.domain.consent.Subscriber;
import it.filodiretto.web.i18n.Texts;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The consent register for automation (role PRIVACY_OFFICER): a subscriber found by number with the full
 * consent history, consent receipts (Kantara Consent Receipt v1.1), access export and erasure.
 */
@Path("v1/consents")
@Produces(MediaType.APPLICATION_JSON)
public class ConsentResource {

    @Inject
    ConsentRegister register;

    @Inject
    DataSubjectRights rights;

    @Inject
    SubjectRequests subjectRequests;

    @Context
    SecurityContext security;

    @GET
    @Path("subscribers")
    public JsonArray subscribers(@QueryParam("number") String number, @QueryParam("channel") ConsentRecord.Channel channel,
            @QueryParam("noticeVersion") Integer noticeVersion, @QueryParam("state") Subscriber.State state) {
        JsonArrayBuilder result = JSON.createArrayBuilder();
        for (Subscriber s : register.page(new RegisterFilter(state, null, number, null, channel, noticeVersion, null, null), 0, 100)) {
            JsonArrayBuilder history = JSON.createArrayBuilder();
            register.history(s.id()).forEach(r -> history.add(r.toJson()));
            result.add(JSON.createObjectBuilder()
                    .add("id", s.id())
                    .add("phone", s.phone() == null ? "" : s.phone())
                    .add("state", s.state().name())
                    .add("topics", String.join(",", s.topics()))
                    .add("marketingOptOut", s.isMarketingOptOut())
                    .add("consents", history));
        }
        return result.build();
    }

    @GET
    @Path("subscribers/{id}/export")
    public JsonObject export(@PathParam("id") long id) {
        return rights.export(id, security.getUserPrincipal().getName());
    }

    /** The same export as a page a citizen can read (access right, art. 15 GDPR). */
    @GET
    @Path("subscribers/{id}/export.html")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public String exportPage(@PathParam("id") long id, @Context jakarta.ws.rs.core.HttpHeaders headers) {
        return ReadableExport.html(rights.export(id, security.getUserPrincipal().getName()), Texts.of(headers.getAcceptableLanguages()));
    }

    /** Body {@code {"requestedOn":"2026-11-30"}}: the date the citizen asked for erasure. */
    @POST
    @Path("subscribers/{id}/erasure")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response erase(@PathParam("id") long id, JsonObject body) {
        rights.erase(id, date(body == null ? "" : body.getString("requestedOn", "")), security.getUserPrincipal().getName());
        return Response.noContent().build();
    }

    /** Subscriptions and withdrawals per calendar week, oldest first. */
    @GET
    @Path("statistics/weekly")
    public JsonArray weekly(@QueryParam("weeks") @jakarta.ws.rs.DefaultValue("12") int weeks) {
        JsonArrayBuilder result = JSON.createArrayBuilder();
        register.weekly(weeks).forEach(w -> result.add(JSON.createObjectBuilder().add("weekStart", w.weekStart().toString())
                .add("subscriptions", w.subscriptions()).add("withdrawals", w.withdrawals())));
        return result.build();
    }

    /** Data-subject requests, the nearest deadline first ({@code state}: OPEN, COMPLETED, REJECTED; all when absent). */
    @GET
    @Path("requests")
    public JsonArray requests(@QueryParam("state") SubjectRequest.State state) {
        JsonArrayBuilder result = JSON.createArrayBuilder();
        subjectRequests.list(state).forEach(r -> result.add(json(r)));
        return result.build();
    }

    /** Body {@code {"number":"+39…","kind":"ACCESS|ERASURE","receivedOn":"2026-11-30","note":"…"}}: a request received by other means. */
    @POST
    @Path("requests")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response registerRequest(JsonObject body) {
        if (body == null) {
            throw new DomainException(DomainError.REQUEST_KIND);
        }
        SubjectRequest.Kind kind;
        try {
            kind = SubjectRequest.Kind.valueOf(body.getString("kind", ""));
        } catch (IllegalArgumentException e) {
            throw new DomainException(DomainError.REQUEST_KIND);
        }
        SubjectRequest created = subjectRequests.register(body.getString("number", ""), kind, date(body.getString("receivedOn", "")),
                body.getString("note", null), security.getUserPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(json(created)).build();
    }

    /** Completes a request (for an erasure request: performs the erasure). Body {@code {"comment":"…"}} optional. */
    @POST
    @Path("requests/{id}/completion")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject completeRequest(@PathParam("id") long id, JsonObject body) {
        subjectRequests.complete(id, body == null ? null : body.getString("comment", null), security.getUserPrincipal().getName());
        return json(subjectRequests.find(id));
    }

    /** Body {@code {"reason":"…"}} (required). */
    @POST
    @Path("requests/{id}/rejection")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject rejectRequest(@PathParam("id") long id, JsonObject body) {
        subjectRequests.reject(id, body == null ? null : body.getString("reason", null), security.getUserPrincipal().getName());
        return json(subjectRequests.find(id));
    }

    private static JsonObject json(SubjectRequest r) {
        return JSON.createObjectBuilder().add("id", r.id()).add("subscriberId", r.subscriberId()).add("kind", r.kind().name())
                .add("channel", r.channel().name()).add("receivedOn", r.receivedOn().toString()).add("dueOn", r.dueOn().toString())
                .add("state", r.state().name()).add("note", r.note() == null ? "" : r.note())
                .add("handledBy", r.handledBy() == null ? "" : r.handledBy())
                .add("handledAt", r.handledAt() == null ? "" : r.handledAt().toString()).build();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new DomainException(DomainError.SUBSCRIBER_REQUEST_DATE);
        }
    }

    @GET
    @Path("receipts/{recordId}")
    public JsonObject receipt(@PathParam("recordId") long recordId) {
        return register.receipt(recordId, security.getUserPrincipal().getName());
    }
}
