package it.filodiretto.integration.sandbox;

import it.filodiretto.integration.api.CitizenAction;
import it.filodiretto.integration.api.SandboxMessage;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Plays a citizen: turns "this number wrote this text / tapped this button / chose this row" into the
 * webhook Meta would send, stores it for the simulated phone, signs it and posts it to the application's
 * real webhook endpoint.
 */
@ApplicationScoped
public class CitizenSimulator {

    @Inject
    SandboxStore store;

    @Inject
    WebhookPoster poster;

    @Inject
    WhatsAppSettings settings;

    /** @return the webhook's HTTP status */
    public int act(CitizenAction action) {
        String digits = action.from().replaceAll("[^0-9]", "");
        String phone = "+" + digits;
        String messageId = MetaShapes.wamid(digits);
        long epoch = System.currentTimeMillis() / 1000;
        JsonObjectBuilder message = JSON.createObjectBuilder()
                .add("from", digits)
                .add("id", messageId)
                .add("timestamp", Long.toString(epoch));
        String kind;
        String shown;
        if (action.buttonId() != null) {
            SandboxMessage origin = store.lastWithChoice(phone, action.buttonId());
            String title = action.title() != null ? action.title() : titleOf(origin, action.buttonId());
            if (origin != null && "template".equals(origin.kind())) {
                kind = "button";
                message.add("type", "button").add("button", JSON.createObjectBuilder()
                        .add("payload", action.buttonId()).add("text", title));
            } else {
                kind = "button_reply";
                message.add("type", "interactive").add("interactive", JSON.createObjectBuilder().add("type", "button_reply")
                        .add("button_reply", JSON.createObjectBuilder().add("id", action.buttonId()).add("title", title)));
            }
            shown = title;
        } else if (action.listId() != null) {
            SandboxMessage origin = store.lastWithChoice(phone, action.listId());
            String title = action.title() != null ? action.title() : titleOf(origin, action.listId());
            kind = "list_reply";
            message.add("type", "interactive").add("interactive", JSON.createObjectBuilder().add("type", "list_reply")
                    .add("list_reply", JSON.createObjectBuilder().add("id", action.listId()).add("title", title)));
            shown = title;
        } else if (action.reaction() != null) {
            // like WhatsApp: a reaction to the last message the city sent
            SandboxMessage origin = store.lastSentTo(phone);
            kind = "reaction";
            message.add("type", "reaction").add("reaction", JSON.createObjectBuilder()
                    .add("message_id", origin == null ? MetaShapes.wamid(digits) : origin.wamid()).add("emoji", action.reaction()));
            shown = action.reaction();
        } else {
            kind = "text";
            message.add("type", "text").add("text", JSON.createObjectBuilder().add("body", action.text()));
            shown = action.text();
        }
        store.insert(new SandboxMessage(messageId, "IN", phone, kind, null, null, null, shown, null, null, null, null, false,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
        JsonObjectBuilder value = JSON.createObjectBuilder()
                .add("contacts", JSON.createArrayBuilder().add(JSON.createObjectBuilder()
                        .add("profile", JSON.createObjectBuilder().add("name", "Cittadino"))
                        .add("wa_id", digits)
                        .add("user_id", MetaShapes.userId(digits))))
                .add("messages", JSON.createArrayBuilder().add(message));
        return poster.post(MetaShapes.envelope(settings.wabaId(), settings.phoneNumberId(), value));
    }

    private static String titleOf(SandboxMessage origin, String id) {
        if (origin == null) {
            return id;
        }
        for (String json : new String[]{origin.buttons(), origin.listMenu()}) {
            if (json == null) {
                continue;
            }
            JsonValue parsed = JSON.createReader(new StringReader(json)).readValue();
            String found = find(parsed, id);
            if (found != null) {
                return found;
            }
        }
        return id;
    }

    private static String find(JsonValue value, String id) {
        if (value instanceof JsonObject o) {
            if (id.equals(o.getString("id", null)) && o.containsKey("title")) {
                return o.getString("title");
            }
            for (JsonValue v : o.values()) {
                String f = find(v, id);
                if (f != null) {
                    return f;
                }
            }
        } else if (value instanceof JsonArray a) {
            for (JsonValue v : a) {
                String f = find(v, id);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }
}
