package it.filodiretto.integration.api;

import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import it.filodiretto.integration.whatsapp.WebhookQueue;
import it.filodiretto.integration.whatsapp.WebhookSignature;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.ejb.Stateless;
import it.filodiretto.integration.system.ChannelMetrics;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Optional;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The WhatsApp webhook's logic, for the web module's endpoint: the verification handshake, and for events
 * the signature check over the raw bytes, a JSON check (well-formed, nested at most
 * {@code filodiretto.whatsapp.max-webhook-depth} levels), then storing the raw event and queueing it in one
 * transaction, so the answer can be fast and nothing acknowledged is lost.
 */
@Stateless
public class WebhookIntake {

    /** What to answer. */
    public enum Outcome { ACCEPTED, BAD_SIGNATURE, MALFORMED, TOO_DEEP, TOO_LARGE }

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
        Outcome shape = shape(text, settings.maxWebhookDepth());
        if (shape != Outcome.ACCEPTED) {
            return shape;
        }
        // any well-formed signed JSON is taken (Meta retries what is refused for days); what is not a webhook's
        // shape is recorded as processed with nothing in it
        queue.enqueue(events.store(text));
        return Outcome.ACCEPTED;
    }

    /**
     * One streaming pass over the body: {@code MALFORMED} when it is not JSON, {@code TOO_DEEP} when it nests
     * deeper than {@code maxDepth} (checked before any tree is built, so no input can exhaust the parser).
     */
    static Outcome shape(String text, int maxDepth) {
        try (JsonParser parser = JSON.createParser(new StringReader(text))) {
            int depth = 0;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    if (++depth > maxDepth) {
                        return Outcome.TOO_DEEP;
                    }
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                } else if (event == JsonParser.Event.VALUE_NUMBER) {
                    parser.getBigDecimal(); // 1e999999999999 is not a number anyone can read
                }
            }
            return Outcome.ACCEPTED;
        } catch (JsonException | IllegalStateException | NoSuchElementException | NumberFormatException e) {
            return Outcome.MALFORMED;
        }
    }

    public int maxDepth() {
        return settings.maxWebhookDepth();
    }

    public int maxBytes() {
        return settings.maxWebhookBytes();
    }
}
