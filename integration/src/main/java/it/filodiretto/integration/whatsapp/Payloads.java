package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.OutboundMessage;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import java.util.List;

/** Outbound messages as the Cloud API's JSON (messaging_product, to, type and the kind's object). */
public final class Payloads {

    private Payloads() {
    }

    public static JsonObject of(OutboundMessage message) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add("recipient_type", "individual")
                .add("to", recipient(message.to()));
        if (message instanceof OutboundMessage.Text t) {
            json.add("type", "text").add("text", Json.createObjectBuilder().add("preview_url", true).add("body", t.body()));
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
        JsonArrayBuilder components = Json.createArrayBuilder();
        if (!t.headerParameters().isEmpty()) {
            components.add(Json.createObjectBuilder().add("type", "header").add("parameters", texts(t.headerParameters())));
        }
        if (!t.bodyParameters().isEmpty()) {
            components.add(Json.createObjectBuilder().add("type", "body").add("parameters", texts(t.bodyParameters())));
        }
        for (int i = 0; i < t.buttonParameters().size(); i++) {
            components.add(Json.createObjectBuilder().add("type", "button").add("sub_type", "quick_reply")
                    .add("index", Integer.toString(i))
                    .add("parameters", Json.createArrayBuilder().add(Json.createObjectBuilder()
                            .add("type", "payload").add("payload", t.buttonParameters().get(i)))));
        }
        return Json.createObjectBuilder()
                .add("name", t.name())
                .add("language", Json.createObjectBuilder().add("code", t.language()))
                .add("components", components)
                .build();
    }

    private static JsonArrayBuilder texts(List<String> values) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(v -> array.add(Json.createObjectBuilder().add("type", "text").add("text", v)));
        return array;
    }

    private static JsonObject buttons(OutboundMessage.Buttons b) {
        JsonArrayBuilder buttons = Json.createArrayBuilder();
        b.buttons().forEach(c -> buttons.add(Json.createObjectBuilder().add("type", "reply")
                .add("reply", Json.createObjectBuilder().add("id", c.id()).add("title", c.title()))));
        JsonObjectBuilder interactive = Json.createObjectBuilder().add("type", "button")
                .add("body", Json.createObjectBuilder().add("text", b.body()))
                .add("action", Json.createObjectBuilder().add("buttons", buttons));
        frame(interactive, b.header(), b.footer());
        return interactive.build();
    }

    private static JsonObject list(OutboundMessage.ListMenu l) {
        JsonArrayBuilder sections = Json.createArrayBuilder();
        for (OutboundMessage.Section s : l.sections()) {
            JsonArrayBuilder rows = Json.createArrayBuilder();
            for (OutboundMessage.Choice c : s.rows()) {
                JsonObjectBuilder row = Json.createObjectBuilder().add("id", c.id()).add("title", c.title());
                if (c.description() != null) {
                    row.add("description", c.description());
                }
                rows.add(row);
            }
            sections.add(Json.createObjectBuilder().add("title", s.title()).add("rows", rows));
        }
        JsonObjectBuilder interactive = Json.createObjectBuilder().add("type", "list")
                .add("body", Json.createObjectBuilder().add("text", l.body()))
                .add("action", Json.createObjectBuilder().add("button", l.buttonLabel()).add("sections", sections));
        frame(interactive, l.header(), l.footer());
        return interactive.build();
    }

    private static void frame(JsonObjectBuilder interactive, String header, String footer) {
        if (header != null && !header.isBlank()) {
            interactive.add("header", Json.createObjectBuilder().add("type", "text").add("text", header));
        }
        if (footer != null && !footer.isBlank()) {
            interactive.add("footer", Json.createObjectBuilder().add("text", footer));
        }
    }
}
