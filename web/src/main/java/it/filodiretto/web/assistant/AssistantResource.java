package it.filodiretto.web.assistant;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.assistant.AnswerEngine;
import it.filodiretto.domain.assistant.Assistant;
import it.filodiretto.domain.assistant.AssistantRecords;
import it.filodiretto.domain.assistant.KnowledgeIndex;
import it.filodiretto.domain.assistant.Exchange;
import it.filodiretto.domain.assistant.Handoff;
import it.filodiretto.domain.assistant.Handoffs;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The assistant for automation: asking it as the chat would (any staff role) and the operators' API (role
 * OPERATOR): open handoffs, conversations, replies, closing, and the records export.
 */
@Path("v1/assistant")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assistant", description = "Asking the assistant, human handoff and the assistant's records")
public class AssistantResource {

    @Inject
    Assistant assistant;

    @Inject
    Handoffs handoffs;

    @Inject
    AssistantRecords records;

    @Inject
    TimeSource time;

    @Context
    SecurityContext security;

    @POST
    @Path("ask")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask the assistant as the chat would (nothing is sent or recorded)", description = "{\"question\":\"…\"}")
    public JsonObject ask(JsonObject body) {
        String question = body == null ? null : body.getString("question", null);
        if (question == null || question.isBlank() || question.length() > 4096) {
            throw new DomainException(DomainError.ASSISTANT_QUESTION_REQUIRED);
        }
        AnswerEngine.Answer a = assistant.engine().answer(question, time.now().toLocalDate(), false);
        JsonArrayBuilder hits = JSON.createArrayBuilder();
        for (KnowledgeIndex.Hit h : a.hits()) {
            hits.add(JSON.createObjectBuilder().add("slug", h.slug()).add("title", h.title()).add("confidence", round(h.confidence())));
        }
        return JSON.createObjectBuilder().add("outcome", a.outcome().name()).add("mode", a.mode().name()).add("language", a.language())
                .add("confidence", round(a.confidence())).add("text", a.text()).add("articles", hits).build();
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    @GET
    @Path("handoffs")
    @Operation(summary = "Open handoffs, oldest first")
    public JsonObject open() {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        handoffs.inbox().forEach(h -> list.add(json(h)));
        return JSON.createObjectBuilder().add("handoffs", list).build();
    }

    @GET
    @Path("handoffs/{id}")
    @Operation(summary = "A handoff with the citizen's conversation (last 100 exchanges)")
    public JsonObject get(@PathParam("id") long id) {
        Handoff h = handoffs.handoff(id);
        JsonArrayBuilder history = JSON.createArrayBuilder();
        handoffs.history(h.address(), 100).forEach(e -> history.add(json(e)));
        return JSON.createObjectBuilder(json(h)).add("history", history).build();
    }

    @POST
    @Path("handoffs/{id}/claim")
    public JsonObject claim(@PathParam("id") long id) {
        return json(handoffs.claim(id, security.getUserPrincipal().getName()));
    }

    @POST
    @Path("handoffs/{id}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reply to the citizen through WhatsApp (inside the 24-hour window)", description = "{\"text\":\"…\"}")
    public JsonObject reply(@PathParam("id") long id, JsonObject body) {
        String text = body == null ? null : body.getString("text", null);
        return json(handoffs.reply(id, security.getUserPrincipal().getName(), text));
    }

    @POST
    @Path("handoffs/{id}/close")
    public JsonObject close(@PathParam("id") long id) {
        return json(handoffs.close(id, security.getUserPrincipal().getName()));
    }

    @GET
    @Path("records")
    @Operation(summary = "The assistant's records between two days (from, to: yyyy-mm-dd, UTC; at most 10,000 rows)")
    public JsonObject records(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate end = day(to, time.now().toLocalDate());
        LocalDate start = day(from, end.minusDays(7));
        if (start.isAfter(end)) {
            throw new DomainException(DomainError.RECORDS_RANGE);
        }
        OffsetDateTime f = start.atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime t = end.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        JsonArrayBuilder list = JSON.createArrayBuilder();
        var rows = records.list(f, t, null, 0, 10_000);
        rows.forEach(e -> list.add(json(e)));
        records.exported(security.getUserPrincipal().getName(), rows.size());
        JsonObjectBuilder counts = JSON.createObjectBuilder();
        records.counts(f, t).forEach((k, v) -> counts.add(k, ((Number) v).longValue()));
        return JSON.createObjectBuilder().add("from", start.toString()).add("to", end.toString()).add("counts", counts)
                .add("records", list).build();
    }

    private static LocalDate day(String s, LocalDate otherwise) {
        try {
            return s == null || s.isBlank() ? otherwise : LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new DomainException(DomainError.IMPORT_BAD_DATE, s);
        }
    }

    private JsonObject json(Handoff h) {
        OffsetDateTime now = time.now();
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", h.id()).add("address", h.address()).add("reason", h.reason().name())
                .add("state", h.state().name()).add("openedAt", h.openedAt().toString()).add("lastCitizenAt", h.lastCitizenAt().toString())
                .add("windowOpen", h.isWindowOpen(now)).add("windowLeftMinutes", h.windowLeft(now).toMinutes());
        b.add("operator", KnowledgeResource.nullable(h.operator()));
        b.add("firstReplyAt", KnowledgeResource.nullable(h.firstReplyAt()));
        b.add("closedAt", KnowledgeResource.nullable(h.closedAt()));
        return b.build();
    }

    static JsonObject json(Exchange e) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("id", e.id()).add("address", e.address()).add("kind", e.kind().name())
                .add("occurredAt", e.occurredAt().toString());
        b.add("mode", KnowledgeResource.nullable(e.mode()));
        b.add("question", KnowledgeResource.nullable(e.question()));
        b.add("answer", KnowledgeResource.nullable(e.answer()));
        b.add("articles", KnowledgeResource.nullable(e.articles()));
        b.add("confidence", KnowledgeResource.nullable(e.confidence()));
        b.add("tookMs", KnowledgeResource.nullable(e.tookMs()));
        b.add("operator", KnowledgeResource.nullable(e.operator()));
        b.add("handoff", KnowledgeResource.nullable(e.handoffId()));
        return b.build();
    }
}
