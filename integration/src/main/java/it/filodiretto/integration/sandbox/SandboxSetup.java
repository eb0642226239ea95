package it.filodiretto.integration.sandbox;

import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Logger;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * With the sandbox on, declares the typical approved templates of {@code sandbox/demo-templates.json} that
 * are missing (the subscription confirmations need two of them), so that a newcomer can send something at
 * once. Never in production.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SandboxSetup {

    private static final Logger LOG = Logger.getLogger(SandboxSetup.class.getName());

    @Inject
    WhatsAppSettings settings;

    @Inject
    TemplateRegistry templates;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void declareDemoTemplates() {
        if (!settings.isSandbox()) {
            return;
        }
        try (InputStream in = SandboxSetup.class.getResourceAsStream("/sandbox/demo-templates.json")) {
            for (JsonValue v : JSON.createReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readArray()) {
                JsonObject t = v.asJsonObject();
                if (templates.find(t.getString("name"), t.getString("language")).isPresent()) {
                    continue;
                }
                List<String> replies = t.containsKey("quickReplies")
                        ? t.getJsonArray("quickReplies").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                        : List.of();
                JsonObject url = t.getJsonObject("urlButton");
                declare(t, replies, url);
            }
            LOG.fine("Sandbox: demo message templates checked.");
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warning(() -> "Sandbox: demo templates not declared: " + e);
        }
    }

    private void declare(JsonObject t, List<String> replies, JsonObject url) {
        try {
            templates.declare(t.getString("name"), t.getString("language"), MessageCategory.valueOf(t.getString("category")),
                    MessageTemplate.Status.APPROVED, t.getString("header", null), t.getString("body"),
                    t.getString("footer", null), replies, MessageTemplate.HeaderFormat.valueOf(t.getString("headerFormat", "TEXT")),
                    url == null ? null : url.getString("text"), url == null ? null : url.getString("url"), MessageTemplate.Source.CONSOLE,
                    null);
        } catch (RuntimeException e) {
            // two sandbox servers starting together: the other one declared it at the same moment
            if (templates.find(t.getString("name"), t.getString("language")).isEmpty()) {
                throw e;
            }
        }
    }
}
