package it.filodiretto.integration.sandbox;

import it.filodiretto.integration.api.GraphAnswer;
import it.filodiretto.integration.api.FaultSettings;
import it.filodiretto.integration.api.SandboxMessage;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * The sandbox's Cloud API: validates a send request the way Meta does, applies the injected faults and
 * the throughput limit, stores the message for the simulated phone, answers with a {@code wamid.} id and
 * then reports statuses by signed webhooks.
 */
@ApplicationScoped
public class SandboxGraph {

    @Inject
    SandboxFaults faults;

    @Inject
    SandboxStore store;

    @Inject
    StatusReporter reporter;

    @Inject
    TemplateRegistry templates;

    public GraphAnswer send(String authorization, JsonObject payload, boolean marketing) {
        if (!bearer(authorization)) {
            return UNAUTHORIZED;
        }
        FaultSettings f = faults.get();
        GraphAnswer fault = injectedFault(f);
        if (fault != null) {
            return fault;
        }
        if (payload == null || !"whatsapp".equals(payload.getString("messaging_product", null))) {
            return invalid("messaging_product must be \"whatsapp\"");
        }
        String to = payload.getString("to", "").replaceAll("[^0-9]", "");
        if (to.length() < 8 || to.length() > 15) {
            return invalid("to: a phone number in international format is required");
        }
        if (SandboxFaults.roll(f.permanentErrorRate())) {
            return new GraphAnswer(400, MetaShapes.error(131026, "Message undeliverable (sandbox fault injection)"));
        }
        String phone = "+" + to;
        String type = payload.getString("type", "text");
        Built built = switch (type) {
            case "text" -> text(phone, payload, marketing);
            case "template" -> template(phone, payload, marketing);
            case "interactive" -> interactive(phone, payload, marketing);
            default -> Built.refused(invalid("type " + type + " is not supported by the sandbox (text, template, interactive)"));
        };
        if (built.refusal() != null) {
            return built.refusal();
        }
        SandboxMessage row = built.row();
        store.insert(row);
        reporter.accepted(row.wamid(), to);
        if (faults.loseThisAnswer(to)) {
            sleep(FaultSettings.LOST_ANSWER_DELAY_MS); // accepted, but the client has given up waiting
        }
        return new GraphAnswer(200, JSON.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add("contacts", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("input", payload.getString("to")).add("wa_id", to)))
                .add("messages", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("id", row.wamid()).add("message_status", "accepted")))
                .build());
    }

    private static final GraphAnswer OUTSIDE_WINDOW = new GraphAnswer(400,
            MetaShapes.error(131047, "Re-engagement message: more than 24 hours have passed since the recipient last replied"));

    /** What a send built: the row the phone shows, or Meta's refusal. */
    private record Built(SandboxMessage row, GraphAnswer refusal) {
        static Built accepted(SandboxMessage row) {
            return new Built(row, null);
        }

        static Built refused(GraphAnswer refusal) {
            return new Built(null, refusal);
        }
    }

    /** The faults the tests asked for (fail next, latency, timeouts, 5xx, 429), or null to go on. */
    private GraphAnswer injectedFault(FaultSettings f) {
        if (faults.countAndForceFailure()) {
            return new GraphAnswer(503, MetaShapes.error(131000, "Service unavailable (sandbox: failNext)"));
        }
        if (f.latencyMs() > 0) {
            sleep(f.latencyMs());
        }
        if (SandboxFaults.roll(f.timeoutRate())) {
            sleep(15_000);
            return new GraphAnswer(504, MetaShapes.error(131000, "Gateway timeout (sandbox)"));
        }
        if (SandboxFaults.roll(f.serverErrorRate())) {
            return new GraphAnswer(500, MetaShapes.error(131000, "Something went wrong (sandbox fault injection)"));
        }
        if (SandboxFaults.roll(f.rateLimitRate()) || !faults.admit()) {
            return new GraphAnswer(429, MetaShapes.error(130429, "Rate limit hit: cloud API message throughput has been reached"));
        }
        return null;
    }

    private Built text(String phone, JsonObject payload, boolean marketing) {
        JsonObject text = payload.getJsonObject("text");
        String body = text == null ? null : text.getString("body", null);
        if (body == null || body.isBlank() || body.length() > 4096) {
            return Built.refused(invalid("text.body is required, at most 4096 characters"));
        }
        if (!inWindow(phone)) {
            return Built.refused(OUTSIDE_WINDOW);
        }
        return Built.accepted(row(phone, "text", null, null, null, body, null, null, null, marketing));
    }

    private Built template(String phone, JsonObject payload, boolean marketing) {
        JsonObject template = payload.getJsonObject("template");
        if (template == null) {
            return Built.refused(invalid("template is required"));
        }
        String name = template.getString("name", "");
        JsonObject language = template.getJsonObject("language");
        String code = language == null ? "it" : language.getString("code", "it");
        MessageTemplate t = templates.find(name, code).orElse(null);
        if (t == null) {
            return Built.refused(new GraphAnswer(404, MetaShapes.error(132001, "Template name does not exist in the translation")));
        }
        if (t.status() == MessageTemplate.Status.PAUSED) {
            return Built.refused(new GraphAnswer(400, MetaShapes.error(132015, "Template is paused")));
        }
        if (!t.isApproved()) {
            return Built.refused(new GraphAnswer(400, MetaShapes.error(132016, "Template is not approved (" + t.status() + ")")));
        }
        List<String> header = parameters(template, "header");
        List<String> body = parameters(template, "body");
        if (header.size() != t.headerParameterCount() || body.size() != t.bodyParameterCount()) {
            return Built.refused(
                    new GraphAnswer(400, MetaShapes.error(132000, "Number of parameters does not match the expected number of params")));
        }
        String media = media(template);
        if (t.hasMediaHeader() != (media != null)) {
            return Built.refused(
                    new GraphAnswer(400, MetaShapes.error(132012, "Parameter format does not match format in the created template")));
        }
        String linkPart = urlButtonParameter(template);
        if (t.needsLinkParameter() && (linkPart == null || linkPart.isBlank())) {
            return Built
                    .refused(new GraphAnswer(400, MetaShapes.error(131008, "Required parameter is missing: the URL button's parameter")));
        }
        if (marketing != (t.category() == it.filodiretto.domain.whatsapp.MessageCategory.MARKETING)) {
            return Built.refused(invalid(marketing ? "only MARKETING templates go to marketing_messages"
                    : "MARKETING templates must be sent through marketing_messages"));
        }
        JsonArrayBuilder all = JSON.createArrayBuilder();
        header.forEach(all::add);
        body.forEach(all::add);
        String shownHeader = media != null ? "[" + t.headerFormat() + "] " + media : MessageTemplate.render(t.headerText(), header);
        return Built.accepted(row(phone, "template", t.name(), all.build().toString(), shownHeader,
                MessageTemplate.render(t.bodyText(), body), t.footerText(), templateButtons(t, template, linkPart), null, marketing));
    }

    /** The buttons the phone shows: quick replies with the payloads the sender set, and the URL button. */
    private static String templateButtons(MessageTemplate t, JsonObject template, String linkPart) {
        JsonArrayBuilder buttons = JSON.createArrayBuilder();
        List<JsonObject> payloads = buttonPayloads(template);
        List<String> replies = t.quickReplies();
        for (int i = 0; i < replies.size(); i++) {
            String id = i < payloads.size() ? payloads.get(i).getString("payload", replies.get(i)) : replies.get(i);
            buttons.add(JSON.createObjectBuilder().add("id", id).add("title", replies.get(i)));
        }
        if (t.urlButtonText() != null) {
            buttons.add(JSON.createObjectBuilder().add("id", "url").add("title", t.urlButtonText()).add("url", t.link(linkPart)));
        }
        return buttons.build().toString();
    }

    private Built interactive(String phone, JsonObject payload, boolean marketing) {
        if (!inWindow(phone)) {
            return Built.refused(OUTSIDE_WINDOW);
        }
        GraphAnswer problem = validateInteractive(payload.getJsonObject("interactive"));
        if (problem != null) {
            return Built.refused(problem);
        }
        JsonObject i = payload.getJsonObject("interactive");
        JsonObject header = i.getJsonObject("header");
        JsonObject footer = i.getJsonObject("footer");
        JsonObject action = i.getJsonObject("action");
        String buttons = null;
        String list = null;
        if ("button".equals(i.getString("type"))) {
            JsonArrayBuilder b = JSON.createArrayBuilder();
            for (JsonValue v : action.getJsonArray("buttons")) {
                JsonObject reply = v.asJsonObject().getJsonObject("reply");
                b.add(JSON.createObjectBuilder().add("id", reply.getString("id")).add("title", reply.getString("title")));
            }
            buttons = b.build().toString();
        } else {
            list = JSON.createObjectBuilder().add("button", action.getString("button"))
                    .add("sections", action.getJsonArray("sections")).build().toString();
        }
        return Built.accepted(row(phone, "interactive", null, null, header == null ? null : header.getString("text", null),
                i.getJsonObject("body").getString("text"), footer == null ? null : footer.getString("text", null),
                buttons, list, marketing));
    }

    private boolean inWindow(String phone) {
        OffsetDateTime last = store.lastInbound(phone);
        return last != null && Duration.between(last, OffsetDateTime.now(ZoneOffset.UTC)).toHours() < 24;
    }

    private static GraphAnswer validateInteractive(JsonObject i) {
        if (i == null || i.getJsonObject("body") == null || i.getJsonObject("body").getString("text", "").isBlank()) {
            return invalid("interactive.body.text is required");
        }
        if (i.getJsonObject("body").getString("text").length() > 1024) {
            return invalid("interactive.body.text: at most 1024 characters");
        }
        JsonObject action = i.getJsonObject("action");
        if (action == null) {
            return invalid("interactive.action is required");
        }
        String type = i.getString("type", "");
        if ("button".equals(type)) {
            JsonArray buttons = action.getJsonArray("buttons");
            if (buttons == null || buttons.isEmpty() || buttons.size() > 3) {
                return invalid("interactive buttons: 1 to 3 reply buttons");
            }
            Set<String> ids = new HashSet<>();
            for (JsonValue v : buttons) {
                JsonObject reply = v.asJsonObject().getJsonObject("reply");
                if (reply == null || reply.getString("title", "").isBlank() || reply.getString("title").length() > 20
                        || reply.getString("id", "").isBlank() || reply.getString("id").length() > 256 || !ids.add(reply.getString("id"))) {
                    return invalid("each reply button needs a unique id (≤256) and a title (≤20 characters)");
                }
            }
            return null;
        }
        if ("list".equals(type)) {
            JsonArray sections = action.getJsonArray("sections");
            if (action.getString("button", "").isBlank() || action.getString("button").length() > 20) {
                return invalid("list: button label required, at most 20 characters");
            }
            int rows = 0;
            if (sections == null || sections.isEmpty() || sections.size() > 10) {
                return invalid("list: 1 to 10 sections");
            }
            for (JsonValue s : sections) {
                JsonArray r = s.asJsonObject().getJsonArray("rows");
                if (r == null || r.isEmpty()) {
                    return invalid("list: every section needs rows");
                }
                for (JsonValue row : r) {
                    rows++;
                    String title = row.asJsonObject().getString("title", "");
                    if (title.isBlank() || title.length() > 24 || row.asJsonObject().getString("id", "").isBlank()) {
                        return invalid("list rows need an id and a title (≤24 characters)");
                    }
                }
            }
            if (rows > 10) {
                return invalid("list: at most 10 rows in all");
            }
            return null;
        }
        return invalid("interactive.type must be button or list");
    }

    private static List<String> parameters(JsonObject template, String componentType) {
        List<String> values = new ArrayList<>();
        JsonArray components = template.getJsonArray("components");
        if (components == null) {
            return values;
        }
        for (JsonValue c : components) {
            JsonObject component = c.asJsonObject();
            if (componentType.equals(component.getString("type", ""))) {
                JsonArray parameters = component.getJsonArray("parameters");
                if (parameters != null) {
                    for (JsonValue p : parameters) {
                        if ("text".equals(p.asJsonObject().getString("type", "text"))) {
                            values.add(p.asJsonObject().getString("text", ""));
                        }
                    }
                }
            }
        }
        return values;
    }

    /** The link of the header's image or document, if the message gives one. */
    private static String media(JsonObject template) {
        JsonArray components = template.getJsonArray("components");
        if (components != null) {
            for (JsonValue c : components) {
                JsonObject component = c.asJsonObject();
                JsonArray parameters = component.getJsonArray("parameters");
                if ("header".equals(component.getString("type", "")) && parameters != null) {
                    for (JsonValue p : parameters) {
                        String type = p.asJsonObject().getString("type", "");
                        if ((type.equals("image") || type.equals("document")) && p.asJsonObject().get(type) instanceof JsonObject file) {
                            return file.getString("link", null);
                        }
                    }
                }
            }
        }
        return null;
    }

    private static String urlButtonParameter(JsonObject template) {
        JsonArray components = template.getJsonArray("components");
        if (components != null) {
            for (JsonValue c : components) {
                JsonObject component = c.asJsonObject();
                if ("button".equals(component.getString("type", "")) && "url".equals(component.getString("sub_type", ""))
                        && component.getJsonArray("parameters") != null && !component.getJsonArray("parameters").isEmpty()) {
                    return component.getJsonArray("parameters").getJsonObject(0).getString("text", null);
                }
            }
        }
        return null;
    }

    private static List<JsonObject> buttonPayloads(JsonObject template) {
        List<JsonObject> payloads = new ArrayList<>();
        JsonArray components = template.getJsonArray("components");
        if (components != null) {
            for (JsonValue c : components) {
                JsonObject component = c.asJsonObject();
                if ("button".equals(component.getString("type", "")) && !"url".equals(component.getString("sub_type", ""))
                        && component.getJsonArray("parameters") != null && !component.getJsonArray("parameters").isEmpty()) {
                    payloads.add(component.getJsonArray("parameters").getJsonObject(0));
                }
            }
        }
        return payloads;
    }

    /**
     * {@code GET …/{waba-id}/message_templates}: one page in Meta's shape (name, language, status, category,
     * components) of the templates declared in the console, which play Meta's approved list here.
     */
    GraphAnswer templates(String authorization) {
        if (!bearer(authorization)) {
            return UNAUTHORIZED;
        }
        JsonArrayBuilder data = JSON.createArrayBuilder();
        for (MessageTemplate t : templates.all()) {
            if (t.source() != MessageTemplate.Source.CONSOLE) {
                continue;
            }
            JsonArrayBuilder components = JSON.createArrayBuilder();
            if (t.hasMediaHeader()) {
                components.add(JSON.createObjectBuilder().add("type", "HEADER").add("format", t.headerFormat().name()));
            } else if (t.headerText() != null) {
                components.add(JSON.createObjectBuilder().add("type", "HEADER").add("format", "TEXT").add("text", t.headerText()));
            }
            components.add(JSON.createObjectBuilder().add("type", "BODY").add("text", t.bodyText()));
            if (t.footerText() != null) {
                components.add(JSON.createObjectBuilder().add("type", "FOOTER").add("text", t.footerText()));
            }
            JsonArrayBuilder buttons = JSON.createArrayBuilder();
            t.quickReplies().forEach(r -> buttons.add(JSON.createObjectBuilder().add("type", "QUICK_REPLY").add("text", r)));
            if (t.urlButtonText() != null) {
                buttons.add(JSON.createObjectBuilder().add("type", "URL").add("text", t.urlButtonText()).add("url", t.urlButtonUrl()));
            }
            JsonArray built = buttons.build();
            if (!built.isEmpty()) {
                components.add(JSON.createObjectBuilder().add("type", "BUTTONS").add("buttons", built));
            }
            data.add(JSON.createObjectBuilder().add("name", t.name()).add("language", t.language()).add("status", t.status().name())
                    .add("category", t.category().name()).add("components", components).add("id", String.valueOf(t.id())));
        }
        return new GraphAnswer(200, JSON.createObjectBuilder().add("data", data)
                .add("paging", JSON.createObjectBuilder().add("cursors", JSON.createObjectBuilder().add("before", "0").add("after", "0")))
                .build());
    }

    private static final GraphAnswer UNAUTHORIZED = new GraphAnswer(401,
            MetaShapes.error(190, "Invalid OAuth access token - Cannot parse access token"));

    /** Like Meta: a bearer token is required (any token: the sandbox is not the real account). */
    private static boolean bearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ") && authorization.length() >= 8;
    }

    private static SandboxMessage row(String phone, String kind, String template, String parameters, String header, String text,
            String footer, String buttons, String list, boolean marketing) {
        return new SandboxMessage(MetaShapes.wamid(phone), "OUT", phone, kind, template, parameters, header, text, footer, buttons,
                list, "accepted", marketing, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS));
    }

    private static GraphAnswer invalid(String message) {
        return new GraphAnswer(400, MetaShapes.error(100, "(#100) Invalid parameter: " + message));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
