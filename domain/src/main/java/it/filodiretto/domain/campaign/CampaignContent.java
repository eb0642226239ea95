package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * What an editor writes: internal title, audience (topics, optional neighbourhoods), the WhatsApp template
 * with its parameters, the wished send time and the expiry. Its canonical JSON (sorted sets, UTC times)
 * is what the content hash frozen at approval covers.
 * <p>
 * It cannot be built invalid: the constructor refuses (400) what is wrong whatever the day and the catalogue —
 * missing or long title, no topic, no template, a media header that is no https URL, a link with blanks, too
 * many or too long parameters, an expiry not after the wished time. What depends on the outside world is
 * checked where it is known: the clock by {@link #checkTimes}, the topic and neighbourhood catalogue by
 * {@link Campaigns}, the template's parameters by the template registry at submission.
 */
public record CampaignContent(String title, Set<String> topics, Set<String> neighbourhoods, String templateName,
        String language, List<String> headerParameters, List<String> bodyParameters,
        OffsetDateTime scheduledAt, OffsetDateTime expiresAt, String headerMedia, String link) {

    /** Without a media header or a link button. */
    public CampaignContent(String title, Set<String> topics, Set<String> neighbourhoods, String templateName, String language,
            List<String> headerParameters, List<String> bodyParameters, OffsetDateTime scheduledAt, OffsetDateTime expiresAt) {
        this(title, topics, neighbourhoods, templateName, language, headerParameters, bodyParameters, scheduledAt, expiresAt, null, null);
    }

    public static final int MAX_TITLE = 200;
    public static final int MAX_PARAMETER = 1024;
    public static final int MAX_PARAMETERS = 20;
    private static final int MAX_TEMPLATE_NAME = 512;
    private static final int MAX_URL = 2000;

    public CampaignContent {
        title = title == null ? "" : title.strip();
        topics = topics == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(topics));
        neighbourhoods = neighbourhoods == null ? Set.of() : Collections.unmodifiableSortedSet(new TreeSet<>(neighbourhoods));
        templateName = templateName == null ? "" : templateName.strip();
        language = language == null || language.isBlank() ? "it" : language.strip();
        headerParameters = headerParameters == null ? List.of() : headerParameters.stream().map(p -> p == null ? "" : p).toList();
        bodyParameters = bodyParameters == null ? List.of() : bodyParameters.stream().map(p -> p == null ? "" : p).toList();
        headerMedia = headerMedia == null || headerMedia.isBlank() ? null : headerMedia.strip();
        link = link == null || link.isBlank() ? null : link.strip();
        refuseInvalid(title, topics, templateName, language, headerParameters, bodyParameters, scheduledAt, expiresAt, headerMedia, link);
    }

    private static void refuseInvalid(String title, Set<String> topics, String templateName, String language, List<String> headerParameters,
            List<String> bodyParameters, OffsetDateTime scheduledAt, OffsetDateTime expiresAt, String headerMedia,
            String link) {
        if (title.isEmpty()) {
            throw new DomainException(DomainError.CAMPAIGN_TITLE_REQUIRED);
        }
        if (title.length() > MAX_TITLE) {
            throw new DomainException(DomainError.CAMPAIGN_TITLE_TOO_LONG, MAX_TITLE);
        }
        if (topics.isEmpty()) {
            throw new DomainException(DomainError.SUBSCRIBER_NO_TOPIC);
        }
        if (templateName.isEmpty()) {
            throw new DomainException(DomainError.CAMPAIGN_TEMPLATE_REQUIRED);
        }
        if (templateName.length() > MAX_TEMPLATE_NAME || !language.matches("[a-zA-Z_]{2,16}")) {
            throw new DomainException(DomainError.TEMPLATE_UNKNOWN);
        }
        if (headerMedia != null && (headerMedia.length() > MAX_URL || !headerMedia.matches("https://\\S+"))
                || link != null && (link.length() > MAX_URL || link.matches(".*\\s.*"))) {
            throw new DomainException(DomainError.CAMPAIGN_INVALID_LINK);
        }
        if (headerParameters.size() + bodyParameters.size() > MAX_PARAMETERS
                || headerParameters.stream().anyMatch(p -> p.length() > MAX_PARAMETER)
                || bodyParameters.stream().anyMatch(p -> p.length() > MAX_PARAMETER)) {
            throw new DomainException(DomainError.CAMPAIGN_PARAMETER_TOO_LONG, MAX_PARAMETER);
        }
        if (scheduledAt != null && expiresAt != null && !expiresAt.isAfter(scheduledAt)) {
            throw new DomainException(DomainError.CAMPAIGN_EXPIRY_BEFORE_START);
        }
    }

    /** The checks that depend on the day: a wished time still ahead, an expiry after the start (the wished time, or now). */
    public void checkTimes(OffsetDateTime now) {
        if (scheduledAt != null && !scheduledAt.isAfter(now)) {
            throw new DomainException(DomainError.CAMPAIGN_SCHEDULE_IN_PAST);
        }
        OffsetDateTime start = scheduledAt == null ? now : scheduledAt;
        if (expiresAt != null && !expiresAt.isAfter(start)) {
            throw new DomainException(DomainError.CAMPAIGN_EXPIRY_BEFORE_START);
        }
    }

    public JsonObject toJson() {
        JsonArrayBuilder header = JSON.createArrayBuilder();
        headerParameters.forEach(header::add);
        JsonArrayBuilder body = JSON.createArrayBuilder();
        bodyParameters.forEach(body::add);
        JsonArrayBuilder topicArray = JSON.createArrayBuilder();
        topics.forEach(topicArray::add);
        JsonArrayBuilder places = JSON.createArrayBuilder();
        neighbourhoods.forEach(places::add);
        return JSON.createObjectBuilder()
                .add("title", title)
                .add("topics", topicArray)
                .add("neighbourhoods", places)
                .add("template", templateName)
                .add("language", language)
                .add("headerParameters", header)
                .add("bodyParameters", body)
                .add("scheduledAt", scheduledAt == null ? "" : scheduledAt.withOffsetSameInstant(ZoneOffset.UTC).toString())
                .add("expiresAt", expiresAt == null ? "" : expiresAt.withOffsetSameInstant(ZoneOffset.UTC).toString())
                .add("headerMedia", headerMedia == null ? "" : headerMedia)
                .add("link", link == null ? "" : link)
                .build();
    }

    /** SHA-256 of what will be sent to whom (title and wished time excluded: they do not reach citizens). */
    public String hash() {
        JsonObject json = toJson();
        String canonical = JSON.createObjectBuilder(json).remove("title").remove("scheduledAt").build().toString();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
