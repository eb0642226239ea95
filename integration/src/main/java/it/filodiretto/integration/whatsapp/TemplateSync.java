package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * With Cloud API credentials, keeps the template registry in step with Meta's list of the account's
 * templates (shortly after the start, every hour, and on demand from the WhatsApp console): names, languages,
 * categories, statuses and text components; the ones Meta no longer lists become DISABLED.
 * Without credentials (sandbox) templates are declared in the console instead.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class TemplateSync {

    private static final Logger LOG = Logger.getLogger(TemplateSync.class.getName());

    /** One template as Meta lists it, reduced to what the registry keeps. */
    record Listed(String name, String language, MessageCategory category, MessageTemplate.Status status, String header,
            String body, String footer, List<String> quickReplies, MessageTemplate.HeaderFormat headerFormat,
            String urlText, String urlLink) {
    }

    @Inject
    WhatsAppSettings settings;

    @Inject
    CloudApiSender sender;

    @Inject
    TemplateRegistry registry;

    @Resource
    TimerService timers;

    /** Not in the start itself: the application must come up even when Meta does not answer. */
    @PostConstruct
    void soonAfterStart() {
        if (settings.hasCredentials()) {
            timers.createSingleActionTimer(15_000, new TimerConfig("template synchronisation after start", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void afterStart() { // public: NOT_SUPPORTED on a package-private timer method was not applied (seen on Payara Micro 6)
        try {
            synchronise();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Template synchronisation after start failed (the hourly one will try again): " + e.getMessage());
        }
    }

    @Schedule(hour = "*", minute = "7", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void hourly() {
        if (settings.hasCredentials()) {
            synchronise();
        }
    }

    /** @return how many templates were read from the Cloud API */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int synchronise() {
        int count = 0;
        java.util.Set<String> listed = new java.util.HashSet<>();
        String after = null;
        do {
            JsonObject page = sender.templates(after);
            for (Listed t : parse(page)) {
                listed.add(t.name() + ":" + t.language());
                try {
                    registry.declare(t.name(), t.language(), t.category(), t.status(), t.header(), t.body(), t.footer(),
                            t.quickReplies(), t.headerFormat(), t.urlText(), t.urlLink(), MessageTemplate.Source.CLOUD_API, null);
                    count++;
                } catch (RuntimeException e) {
                    LOG.warning(() -> "Template " + t.name() + " (" + t.language() + ") not synchronised: " + e.getMessage());
                }
            }
            after = next(page);
        } while (after != null);
        // only after the whole list was read: a failed page throws above and retires nothing
        int retired = registry.retireUnlisted(listed);
        int synced = count;
        LOG.info(() -> synced + " WhatsApp template(s) synchronised from the Cloud API, " + retired + " no longer listed disabled");
        return synced;
    }

    static List<Listed> parse(JsonObject page) {
        List<Listed> result = new ArrayList<>();
        JsonArray data = page.getJsonArray("data");
        if (data == null) {
            return result;
        }
        for (JsonValue v : data) {
            JsonObject t = v.asJsonObject();
            String header = null;
            String body = null;
            String footer = null;
            MessageTemplate.HeaderFormat format = MessageTemplate.HeaderFormat.TEXT;
            String urlText = null;
            String urlLink = null;
            List<String> replies = new ArrayList<>();
            JsonArray components = t.getJsonArray("components");
            if (components != null) {
                for (JsonValue c : components) {
                    JsonObject component = c.asJsonObject();
                    switch (component.getString("type", "").toUpperCase(Locale.ROOT)) {
                        case "HEADER" -> {
                            String f = component.getString("format", "TEXT").toUpperCase(Locale.ROOT);
                            header = f.equals("TEXT") ? component.getString("text", null) : null;
                            format = f.equals("IMAGE") ? MessageTemplate.HeaderFormat.IMAGE
                                    : f.equals("DOCUMENT") ? MessageTemplate.HeaderFormat.DOCUMENT : MessageTemplate.HeaderFormat.TEXT;
                        }
                        case "BODY" -> body = component.getString("text", null);
                        case "FOOTER" -> footer = component.getString("text", null);
                        case "BUTTONS" -> {
                            JsonArray buttons = component.getJsonArray("buttons");
                            if (buttons != null) {
                                for (JsonValue b : buttons) {
                                    if ("QUICK_REPLY".equalsIgnoreCase(b.asJsonObject().getString("type", ""))) {
                                        replies.add(b.asJsonObject().getString("text", ""));
                                    } else if ("URL".equalsIgnoreCase(b.asJsonObject().getString("type", "")) && urlText == null) {
                                        urlText = b.asJsonObject().getString("text", null);
                                        urlLink = b.asJsonObject().getString("url", null);
                                    }
                                }
                            }
                        }
                        default -> {
                            // other components are not used by Filo Diretto
                        }
                    }
                }
            }
            if (body == null) {
                continue;
            }
            result.add(new Listed(t.getString("name", ""), t.getString("language", "it"), category(t.getString("category", "UTILITY")),
                    status(t.getString("status", "PENDING")), header, body, footer, replies, format, urlText, urlLink));
        }
        return result;
    }

    private static MessageCategory category(String raw) {
        try {
            return MessageCategory.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return MessageCategory.UTILITY;
        }
    }

    /** Meta's statuses beyond the registry's (IN_APPEAL, PENDING_DELETION, LIMIT_EXCEEDED…) count as not sendable. */
    private static MessageTemplate.Status status(String raw) {
        try {
            return MessageTemplate.Status.valueOf(raw.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return raw.toUpperCase(Locale.ROOT).contains("DELET") ? MessageTemplate.Status.DISABLED : MessageTemplate.Status.PENDING;
        }
    }

    private static String next(JsonObject page) {
        JsonObject paging = page.getJsonObject("paging");
        if (paging == null || !paging.containsKey("next")) {
            return null;
        }
        JsonObject cursors = paging.getJsonObject("cursors");
        return cursors == null ? null : cursors.getString("after", null);
    }
}
