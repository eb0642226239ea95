package it.filodiretto.integration.sandbox;

import it.filodiretto.integration.api.CitizenAction;
import it.filodiretto.integration.api.SandboxMessage;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

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
        String messageId = MetaShapes.wamid();
        long epoch = System.currentTimeMillis() / 1000;
        JsonObjectBuilder message = Json.createObjectBuilder()
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
                message.add("type", "button").add("button", Json.createObjectBuilder()
                        .add("payload", action.buttonId()).add("text", title));
            } else {
                kind = "button_reply";
                message.add("type", "interactive").add("interactive", Json.createObjectBuilder().add("type", "button_reply")
                        .add("button_reply", Json.createObjectBuilder().add("id", action.buttonId()).add("title", title)));
            }
            shown = title;
        } else if (action.listId() != null) {
            SandboxMessage origin = store.lastWithChoice(phone, action.listId());
            String title = action.title() != null ? action.title() : titleOf(origin, action.listId());
            kind = "list_reply";
            message.add("type", "interactive").add("interactive", Json.createObjectBuilder().add("type", "list_reply")
                    .add("list_reply", Json.createObjectBuilder().add("id", action.listId()).add("title", title)));
            shown = title;
        } else {
            kind = "text";
            message.add("type", "text").add("text", Json.createObjectBuilder().add("body", action.text()));
            shown = action.text();
        }
        store.insert(new SandboxMessage(messageId, "IN", phone, kind, null, null, null, shown, null, null, null, null, false,
                OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS)));
        JsonObjectBuilder value = Json.createObjectBuilder()
                .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("profile", Json.createObjectBuilder().add("name", "Cittadino"))
                        .add("wa_id", digits)
                        .add("user_id", MetaShapes.userId(digits))))
                .add("messages", Json.createArrayBuilder().add(message));
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
            JsonValue parsed = Json.createReader(new StringReader(json)).readValue();
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
