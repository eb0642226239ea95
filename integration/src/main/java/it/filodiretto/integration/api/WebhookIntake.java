package it.filodiretto.integration.api;

import it.filodiretto.integration.system.ChannelMetrics;
import it.filodiretto.integration.whatsapp.WebhookBatcher;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The WhatsApp webhook's logic, for the web module's endpoint: the verification handshake, and for events
 * the signature check over the raw bytes, a JSON check (well-formed, nested at most
 * {@code filodiretto.whatsapp.max-webhook-depth} levels), then storing the raw event and queueing it, group-committed
 * with the webhooks that arrive meanwhile ({@link WebhookBatcher}); ACCEPTED only once it is committed, so nothing
 * acknowledged is lost. No transaction and no EJB here: this runs for every request Meta sends.
 */
@ApplicationScoped
public class WebhookIntake {

    /** What to answer. UNAVAILABLE: it could not be stored now (database down, too much waiting); Meta retries. */
    public enum Outcome {
        ACCEPTED, BAD_SIGNATURE, MALFORMED, TOO_DEEP, TOO_LARGE, UNAVAILABLE
    }

    /** How long a request waits for its batch's commit before it is answered 503 (Meta sends it again). */
    static final long COMMIT_WAIT_SECONDS = 15;

    @Inject
    ChannelMetrics metrics;

    @Inject
    WhatsAppSettings settings;

    @Inject
    WebhookBatcher batcher;

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
        if (!settings.acceptsSignature(body, signature)) {
            return Outcome.BAD_SIGNATURE;
        }
        String text = new String(body, StandardCharsets.UTF_8);
        Outcome shape = shape(text, settings.maxWebhookDepth());
        if (shape != Outcome.ACCEPTED) {
            return shape;
        }
        // any well-formed signed JSON is taken (Meta retries what is refused for days); what is not a webhook's
        // shape is recorded as processed with nothing in it
        try {
            batcher.submit(text).get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
            return Outcome.ACCEPTED;
        } catch (ExecutionException | TimeoutException e) {
            return Outcome.UNAVAILABLE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.UNAVAILABLE;
        }
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
