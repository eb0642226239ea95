package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

import static it.filodiretto.domain.common.Jsons.JSON;

/** Outbound messages as the Cloud API's JSON (messaging_product, to, type and the kind's object). */
public final class Payloads {

    private Payloads() {
    }

    public static JsonObject of(OutboundMessage message) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add("recipient_type", "individual")
                .add("to", recipient(message.to()));
        if (message instanceof OutboundMessage.Text t) {
            json.add("type", "text").add("text", JSON.createObjectBuilder().add("preview_url", true).add("body", t.body()));
        } else if (message instanceof OutboundMessage.Template t) {
            json.add("type", "template").add("template", template(t));
        } else if (message instanceof OutboundMessage.Buttons b) {
            json.add("type", "interactive").add("interactive", buttons(b));
        } else if (message instanceof OutboundMessage.ListMenu l) {
            json.add("type", "interactive").add("interactive", list(l));
        }
        return json.build();
    }

    /** The API takes numbers without '+'. */
    static String recipient(String to) {
        return to.startsWith("+") ? to.substring(1) : to;
    }

    private static JsonObject template(OutboundMessage.Template t) {
        JsonArrayBuilder components = JSON.createArrayBuilder();
        if (t.headerFormat() != MessageTemplate.HeaderFormat.TEXT && t.headerMedia() != null) {
            String kind = t.headerFormat() == MessageTemplate.HeaderFormat.IMAGE ? "image" : "document";
            JsonObjectBuilder file = JSON.createObjectBuilder().add("link", t.headerMedia());
            if (kind.equals("document")) {
                String path = t.headerMedia().replaceAll("[?#].*$", "");
                file.add("filename", path.substring(path.lastIndexOf('/') + 1));
            }
            components.add(JSON.createObjectBuilder().add("type", "header").add("parameters",
                    JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("type", kind).add(kind, file))));
        } else if (!t.headerParameters().isEmpty()) {
            components.add(JSON.createObjectBuilder().add("type", "header").add("parameters", texts(t.headerParameters())));
        }
        if (!t.bodyParameters().isEmpty()) {
            components.add(JSON.createObjectBuilder().add("type", "body").add("parameters", texts(t.bodyParameters())));
        }
        for (int i = 0; i < t.buttonParameters().size(); i++) {
            components.add(JSON.createObjectBuilder().add("type", "button").add("sub_type", "quick_reply")
                    .add("index", Integer.toString(i))
                    .add("parameters", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                            .add("type", "payload").add("payload", t.buttonParameters().get(i)))));
        }
        if (t.linkParameter() != null && !t.linkParameter().isBlank()) {
            components.add(JSON.createObjectBuilder().add("type", "button").add("sub_type", "url")
                    .add("index", Integer.toString(t.linkButtonIndex()))
                    .add("parameters",
                            JSON.createArrayBuilder().add(JSON.createObjectBuilder().add("type", "text").add("text", t.linkParameter()))));
        }
        return JSON.createObjectBuilder()
                .add("name", t.name())
                .add("language", JSON.createObjectBuilder().add("code", t.language()))
                .add("components", components)
                .build();
    }

    private static JsonArrayBuilder texts(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(v -> array.add(JSON.createObjectBuilder().add("type", "text").add("text", v)));
        return array;
    }

    private static JsonObject buttons(OutboundMessage.Buttons b) {
        JsonArrayBuilder buttons = JSON.createArrayBuilder();
        b.buttons().forEach(c -> buttons.add(JSON.createObjectBuilder().add("type", "reply")
                .add("reply", JSON.createObjectBuilder().add("id", c.id()).add("title", c.title()))));
        JsonObjectBuilder interactive = JSON.createObjectBuilder().add("type", "button")
                .add("body", JSON.createObjectBuilder().add("text", b.body()))
                .add("action", JSON.createObjectBuilder().add("buttons", buttons));
        frame(interactive, b.header(), b.footer());
        return interactive.build();
    }

    private static JsonObject list(OutboundMessage.ListMenu l) {
        JsonArrayBuilder sections = JSON.createArrayBuilder();
        for (OutboundMessage.Section s : l.sections()) {
            JsonArrayBuilder rows = JSON.createArrayBuilder();
            for (OutboundMessage.Choice c : s.rows()) {
                JsonObjectBuilder row = JSON.createObjectBuilder().add("id", c.id()).add("title", c.title());
                if (c.description() != null) {
                    row.add("description", c.description());
                }
                rows.add(row);
            }
            sections.add(JSON.createObjectBuilder().add("title", s.title()).add("rows", rows));
        }
        JsonObjectBuilder interactive = JSON.createObjectBuilder().add("type", "list")
                .add("body", JSON.createObjectBuilder().add("text", l.body()))
                .add("action", JSON.createObjectBuilder().add("button", l.buttonLabel()).add("sections", sections));
        frame(interactive, l.header(), l.footer());
        return interactive.build();
    }

    private static void frame(JsonObjectBuilder interactive, String header, String footer) {
        if (header != null && !header.isBlank()) {
            interactive.add("header", JSON.createObjectBuilder().add("type", "text").add("text", header));
        }
        if (footer != null && !footer.isBlank()) {
            interactive.add("footer", JSON.createObjectBuilder().add("text", footer));
        }
    }
}
