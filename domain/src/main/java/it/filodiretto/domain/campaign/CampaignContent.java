package it.filodiretto.domain.campaign;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * What an editor writes: internal title, audience (topics, optional neighbourhoods), the WhatsApp template
 * with its parameters, the wished send time and the expiry. Its canonical JSON (sorted sets, UTC times)
 * is what the content hash frozen at approval covers.
 */
public record CampaignContent(String title, Set<String> topics, Set<String> neighbourhoods, String templateName,
                              String language, List<String> headerParameters, List<String> bodyParameters,
                              OffsetDateTime scheduledAt, OffsetDateTime expiresAt, String headerMedia, String link) {

    /** Without a media header or a link button. */
    public CampaignContent(String title, Set<String> topics, Set<String> neighbourhoods, String templateName, String language,
                           List<String> headerParameters, List<String> bodyParameters, OffsetDateTime scheduledAt, OffsetDateTime expiresAt) {
        this(title, topics, neighbourhoods, templateName, language, headerParameters, bodyParameters, scheduledAt, expiresAt, null, null);
    }

    public CampaignContent {
        title = title == null ? "" : title.strip();
        topics = topics == null ? Set.of() : new TreeSet<>(topics);
        neighbourhoods = neighbourhoods == null ? Set.of() : new TreeSet<>(neighbourhoods);
        templateName = templateName == null ? "" : templateName.strip();
        language = language == null || language.isBlank() ? "it" : language.strip();
        headerParameters = headerParameters == null ? List.of() : headerParameters.stream().map(p -> p == null ? "" : p).toList();
        bodyParameters = bodyParameters == null ? List.of() : bodyParameters.stream().map(p -> p == null ? "" : p).toList();
        headerMedia = headerMedia == null || headerMedia.isBlank() ? null : headerMedia.strip();
        link = link == null || link.isBlank() ? null : link.strip();
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
