package it.filodiretto.integration.whatsapp;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The Cloud API connection (docs/configuration.md, keys {@code filodiretto.whatsapp.*}). Without an access
 * token the application talks to its own sandbox gateway; the sandbox then signs its webhooks with a
 * secret generated at start-up unless one is configured. Secrets are never logged.
 */
@ApplicationScoped
public class WhatsAppSettings {

    private static final Logger LOG = Logger.getLogger(WhatsAppSettings.class.getName());

    @Inject
    @ConfigProperty(name = "filodiretto.self-url", defaultValue = "http://localhost:8080")
    String selfUrl;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.base-url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.api-version", defaultValue = "v23.0")
    String apiVersion;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.phone-number-id", defaultValue = "100000000000001")
    String phoneNumberId;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.waba-id", defaultValue = "200000000000002")
    String wabaId;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.access-token")
    Optional<String> accessToken;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.app-secret")
    Optional<String> appSecret;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.verify-token")
    Optional<String> verifyToken;

    @Inject
    @ConfigProperty(name = "filodiretto.sandbox.enabled")
    Optional<Boolean> sandboxSwitch;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.max-webhook-bytes", defaultValue = "1048576")
    int maxWebhookBytes;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.max-webhook-depth", defaultValue = "32")
    int maxWebhookDepth;

    private String secret;

    @PostConstruct
    void resolveSecret() {
        secret = appSecret.filter(s -> !s.isBlank()).orElse(null);
        if (secret == null && isSandbox()) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            secret = HexFormat.of().formatHex(random);
            LOG.info("WhatsApp sandbox active: webhooks are signed with a secret generated for this run.");
        } else if (secret == null) {
            LOG.severe("filodiretto.whatsapp.app-secret is not set: every WhatsApp webhook will be refused (401).");
        }
    }

    /** The sandbox is on when switched on, or by default when no access token is configured. */
    public boolean isSandbox() {
        return sandboxSwitch.orElse(accessToken.filter(t -> !t.isBlank()).isEmpty());
    }

    /** The Cloud API base; by default this application's own sandbox. */
    public String baseUrl() {
        return baseUrl.filter(u -> !u.isBlank()).orElse(selfUrl + "/sandbox/graph");
    }

    /** Where this application reaches itself. */
    public String selfUrl() {
        return selfUrl;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String phoneNumberId() {
        return phoneNumberId;
    }

    public String wabaId() {
        return wabaId;
    }

    /** The bearer token; the sandbox accepts a fixed placeholder. */
    public String bearer() {
        return "Bearer " + accessToken.filter(t -> !t.isBlank()).orElse("sandbox");
    }

    public boolean hasCredentials() {
        return accessToken.filter(t -> !t.isBlank()).isPresent();
    }

    /** The app secret for webhook signatures, or null when none is available (then nothing is accepted). */
    public String appSecret() {
        return secret;
    }

    public Optional<String> verifyToken() {
        return verifyToken.filter(t -> !t.isBlank());
    }

    public int maxWebhookBytes() {
        return maxWebhookBytes;
    }

    /** How deeply a webhook's JSON may nest (Meta's payloads nest about eight levels). */
    public int maxWebhookDepth() {
        return maxWebhookDepth;
    }
}
