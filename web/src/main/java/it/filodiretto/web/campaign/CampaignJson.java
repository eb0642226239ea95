package it.filodiretto.web.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.campaign.Campaign;
import it.filodiretto.domain.campaign.CampaignContent;
import it.filodiretto.domain.campaign.CampaignEvent;
import it.filodiretto.domain.campaign.CampaignStats;
import it.filodiretto.domain.campaign.Delivery;
import it.filodiretto.domain.common.DomainException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static it.filodiretto.domain.common.Jsons.JSON;

/** JSON shapes of the campaign API. */
final class CampaignJson {

    private CampaignJson() {
    }

    /**
     * Reads {@code {"title","topics":[…],"neighbourhoods":[…],"template","language","headerParameters":[…],"bodyParameters":[…],
     * "scheduledAt","expiresAt","headerMedia","link"}} (the last two for templates with a media header or a URL button).
     */
    static CampaignContent content(JsonObject body) {
        if (body == null) {
            throw new DomainException(DomainError.API_MISSING_BODY);
        }
        return new CampaignContent(string(body, "title"), set(body, "topics"), set(body, "neighbourhoods"), string(body, "template"),
                string(body, "language"), list(body, "headerParameters"), list(body, "bodyParameters"),
                time(body, "scheduledAt"), time(body, "expiresAt"), string(body, "headerMedia"), string(body, "link"));
    }

    static JsonObject campaign(Campaign c) {
        CampaignContent content = c.content();
        JsonObjectBuilder json = JSON.createObjectBuilder(content.toJson())
                .add("id", c.id())
                .add("version", c.version())
                .add("state", c.state().name())
                .add("priority", c.priority().name())
                .add("author", c.author())
                .add("lastEditor", c.lastEditor())
                .add("createdAt", c.createdAt().toString())
                .add("updatedAt", c.updatedAt().toString());
        optional(json, "contentHash", c.contentHash());
        optional(json, "approvedBy", c.approvedBy());
        optional(json, "emergencyReason", c.emergencyReason());
        optional(json, "postHocReviewedBy", c.postHocReviewedBy());
        optional(json, "startedAt", c.startedAt());
        optional(json, "finishedAt", c.finishedAt());
        if (c.audienceSize() != null) {
            json.add("recipients", c.audienceSize());
        }
        if (c.scheduledAt() != null) {
            json.add("scheduledAt", c.scheduledAt().toString());
        }
        return json.build();
    }

    static JsonArray history(List<CampaignEvent> events) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        for (CampaignEvent e : events) {
            JsonObjectBuilder json = JSON.createObjectBuilder().add("kind", e.kind().name()).add("actor", e.actor())
                    .add("at", e.occurredAt().toString());
            optional(json, "from", e.fromState() == null ? null : e.fromState().name());
            optional(json, "to", e.toState() == null ? null : e.toState().name());
            optional(json, "comment", e.comment());
            array.add(json);
        }
        return array.build();
    }

    /** {@code {"campaign","state","total","queued",…,"failures":[{"code","title","count","transient"}]}}. */
    static JsonObject stats(Campaign c, Map<Delivery.State, Long> counts, List<CampaignStats.Failure> failures) {
        JsonObjectBuilder json = JSON.createObjectBuilder().add("campaign", c.id()).add("state", c.state().name());
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        json.add("total", total);
        counts.forEach((state, n) -> json.add(state.name().toLowerCase(Locale.ROOT), n));
        JsonArrayBuilder failed = JSON.createArrayBuilder();
        failures.forEach(f -> failed.add(JSON.createObjectBuilder().add("code", f.code()).add("title", f.title()).add("count", f.count())
                .add("transient", f.transientFailure())));
        return json.add("failures", failed).build();
    }

    private static void optional(JsonObjectBuilder json, String name, Object value) {
        if (value != null) {
            json.add(name, value.toString());
        }
    }

    private static String string(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString s)) {
            throw new DomainException(DomainError.API_INVALID_FIELD, name);
        }
        return s.getString();
    }

    private static List<String> list(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (value == null || value == JsonValue.NULL) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY
                || value.asJsonArray().stream().anyMatch(v -> v.getValueType() != JsonValue.ValueType.STRING)) {
            throw new DomainException(DomainError.API_INVALID_FIELD, name);
        }
        return value.asJsonArray().getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Set<String> set(JsonObject body, String name) {
        return new LinkedHashSet<>(list(body, name));
    }

    static OffsetDateTime time(JsonObject body, String name) {
        String text = body == null ? null : string(body, name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new DomainException(DomainError.API_INVALID_TIME, name);
        }
    }

    static String comment(JsonObject body) {
        return body == null ? null : string(body, "comment");
    }
}
