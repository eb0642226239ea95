package it.filodiretto.integration.api;

import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import it.filodiretto.integration.whatsapp.WebhookQueue;
import it.filodiretto.integration.whatsapp.WebhookSignature;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.ejb.Stateless;
import it.filodiretto.integration.system.ChannelMetrics;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The WhatsApp webhook's logic, for the web module's endpoint: the verification handshake, and for events
 * the signature check over the raw bytes, a JSON check, then storing the raw event and queueing it in one
 * transaction, so the answer can be fast and nothing acknowledged is lost.
 */
@Stateless
public class WebhookIntake {

    /** What to answer. */
    public enum Outcome { ACCEPTED, BAD_SIGNATURE, MALFORMED, TOO_LARGE }

    @Inject
    ChannelMetrics metrics;

    @Inject
    WhatsAppSettings settings;

    @Inject
    WhatsAppEvents events;

    @Inject
    WebhookQueue queue;

    /** The challenge to echo when mode and token match, empty otherwise. */
    public Optional<String> handshake(String mode, String token, String challenge) {
        Optional<String> expected = settings.verifyToken();
        if (!"subscribe".equals(mode) || expected.isEmpty() || token == null || challenge == null
                || !java.security.MessageDigest.isEqual(expected.get().getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return Optional.of(challenge);
    }

    public Outcome accept(byte[] body, String signature) {
        Outcome outcome = intake(body, signature);
        metrics.webhook(outcome.name());
        return outcome;
    }

    private Outcome intake(byte[] body, String signature) {
        if (body.length > settings.maxWebhookBytes()) {
            return Outcome.TOO_LARGE;
        }
        if (!WebhookSignature.verify(settings.appSecret(), body, signature)) {
            return Outcome.BAD_SIGNATURE;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            JsonValue value = JSON.createReader(new StringReader(text)).readValue();
            if (!(value instanceof JsonObject)) {
                return Outcome.MALFORMED;
            }
        } catch (JsonParsingException | IllegalStateException e) {
            return Outcome.MALFORMED;
        }
        queue.enqueue(events.store(text));
        return Outcome.ACCEPTED;
    }

    public int maxBytes() {
        return settings.maxWebhookBytes();
    }
}
