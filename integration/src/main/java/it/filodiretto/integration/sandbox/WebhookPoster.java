package it.filodiretto.integration.sandbox;

import it.filodiretto.integration.whatsapp.WebhookSignature;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Posts signed webhooks to the application, as Meta does: retried a few times when the call itself fails. */
@ApplicationScoped
public class WebhookPoster {

    @Inject
    WhatsAppSettings settings;

    @Inject
    @ConfigProperty(name = "filodiretto.sandbox.webhook-url")
    Optional<String> webhookUrl;

    private volatile AppWebhookClient client;

    private AppWebhookClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = RestClientBuilder.newBuilder()
                            .baseUri(URI.create(webhookUrl.filter(u -> !u.isBlank()).orElse(settings.selfUrl() + "/webhook/whatsapp")))
                            .property("microprofile.rest.client.disable.default.mapper", true)
                            .connectTimeout(3, TimeUnit.SECONDS).readTimeout(20, TimeUnit.SECONDS)
                            .build(AppWebhookClient.class);
                }
            }
        }
        return client;
    }

    /** @return the webhook's HTTP status */
    @Timeout(value = 30, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = ProcessingException.class)
    public int post(JsonObject payload) {
        return postSigned(payload.toString().getBytes(StandardCharsets.UTF_8), WebhookSignature.sign(settings.sandboxSecret(),
                payload.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Posts bytes with the given signature header (tests use it to send a wrong one). */
    public int postSigned(byte[] body, String signature) {
        try (Response response = client().post(signature, body)) {
            return response.getStatus();
        }
    }
}
