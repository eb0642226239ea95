package it.filodiretto.integration.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;

/**
 * The WhatsApp number's standing as the Cloud API reports it (reachable, quality rating, messaging-limit tier,
 * throughput level), asked at most once a minute: for the readiness details and the status page. Never a
 * reason to declare the application unready — an outside API being down must not restart the servers.
 */
@ApplicationScoped
public class WhatsAppStanding {

    /** What is known; {@code error} is set when the API could not be asked. */
    public record Standing(boolean reachable, String qualityRating, String messagingLimitTier, String throughput, String error,
            Instant checkedAt) {
    }

    static final Duration MAX_AGE = Duration.ofSeconds(60);

    @Inject
    CloudApiSender sender;

    private volatile Standing last;

    public Standing current() {
        Standing known = last;
        if (known != null && known.checkedAt().plus(MAX_AGE).isAfter(Instant.now())) {
            return known;
        }
        Standing fresh;
        try {
            JsonObject number = sender.phoneNumber();
            JsonObject throughput = number.get("throughput") instanceof JsonObject t ? t : null;
            fresh = new Standing(true, number.getString("quality_rating", "UNKNOWN"), number.getString("messaging_limit_tier", "UNKNOWN"),
                    throughput == null ? "UNKNOWN" : throughput.getString("level", "UNKNOWN"), null, Instant.now());
        } catch (RuntimeException e) {
            fresh = new Standing(false, "UNKNOWN", "UNKNOWN", "UNKNOWN", e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Instant.now());
        }
        last = fresh;
        return fresh;
    }
}
