package it.filodiretto.integration.whatsapp;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The Cloud API connection (docs/configuration.md, keys {@code filodiretto.whatsapp.*}). With the sandbox
 * switched on (never by default, see {@link SandboxSwitch}) the application talks to its own sandbox gateway,
 * which signs its webhooks with a secret of its own ({@code filodiretto.sandbox.app-secret}, or generated at
 * start-up), never with the configured app secret; webhooks signed with it are accepted only while the
 * sandbox runs. Secrets are never logged.
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
    @ConfigProperty(name = SandboxSwitch.ENABLED, defaultValue = "false")
    boolean sandboxRequested;

    @Inject
    @ConfigProperty(name = SandboxSwitch.NOT_PRODUCTION, defaultValue = "false")
    boolean sandboxNotProduction;

    @Inject
    @ConfigProperty(name = "filodiretto.sandbox.app-secret")
    Optional<String> sandboxAppSecret;

    @Resource(lookup = "jdbc/filodiretto")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.max-webhook-bytes", defaultValue = "1048576")
    int maxWebhookBytes;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.max-webhook-depth", defaultValue = "32")
    int maxWebhookDepth;

    private String secret;
    private String sandboxSecret;
    private SandboxSwitch sandbox;

    @PostConstruct
    void resolveSecret() {
        decide(sandboxRequested ? databaseProduct() : Optional.empty());
        sandbox.refusal().ifPresent(LOG::severe);
        if (sandbox.active()) {
            LOG.warning("WhatsApp sandbox ON (filodiretto.sandbox.enabled=true): its anonymous /sandbox endpoints write to this"
                    + " application's database; its webhooks are signed with a secret of its own. Never in production.");
        }
        if (secret == null && !sandbox.active()) {
            LOG.severe("filodiretto.whatsapp.app-secret is not set: every WhatsApp webhook will be refused (401).");
        }
    }

    /** Decides the sandbox and resolves the secrets; package-private for the unit test. */
    void decide(Optional<String> database) {
        sandbox = SandboxSwitch.decide(sandboxRequested, hasCredentials(), database, sandboxNotProduction);
        secret = appSecret.filter(s -> !s.isBlank()).orElse(null);
        sandboxSecret = sandbox.active() ? sandboxAppSecret.filter(s -> !s.isBlank()).orElseGet(WhatsAppSettings::randomSecret) : null;
    }

    private Optional<String> databaseProduct() {
        try (Connection c = dataSource.getConnection()) {
            return Optional.ofNullable(c.getMetaData().getDatabaseProductName());
        } catch (SQLException | RuntimeException e) {
            LOG.warning(() -> "Sandbox check: the database product could not be read (" + e.getClass().getSimpleName() + ")");
            return Optional.empty();
        }
    }

    private static String randomSecret() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    /** Whether the sandbox gateway runs: switched on explicitly, and not refused (see {@link SandboxSwitch}). */
    public boolean isSandbox() {
        return sandbox.active();
    }

    /** The start-up decision about the sandbox, with the reason when a requested sandbox was refused. */
    public SandboxSwitch sandbox() {
        return sandbox;
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

    /** The configured app secret (Meta's webhook signatures), or null when none is configured. */
    public String appSecret() {
        return secret;
    }

    /** The secret the sandbox signs its webhooks with; null while the sandbox is off. */
    public String sandboxSecret() {
        return sandbox.active() ? sandboxSecret : null;
    }

    /**
     * Whether a webhook's {@code X-Hub-Signature-256} is valid: under the configured app secret, or under the
     * sandbox's own secret while the sandbox runs.
     */
    public boolean acceptsSignature(byte[] body, String signature) {
        return WebhookSignature.verify(secret, body, signature)
                || sandbox.active() && WebhookSignature.verify(sandboxSecret, body, signature);
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
