package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.PreferenceUpdate;
import it.filodiretto.domain.whatsapp.StatusUpdate;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Meta's webhook JSON ({@code entry[].changes[].value}) into domain records: inbound
 * {@code messages[]} (text, interactive button/list replies, template quick-reply {@code button}, media,
 * location, reactions; unknown types kept with their type), {@code contacts[]} (wa_id and the
 * business-scoped user_id, either may be absent), {@code statuses[]} with {@code errors[]}, and
 * {@code user_preferences}, and the {@code errors[]} Meta attaches to a message it could not pass on or to a
 * whole change (system-level problems, no message). Unknown fields are ignored.
 */
public final class WebhookParser {

    /** What one webhook body carried. */
    public record Parsed(List<InboundMessage> messages, List<StatusUpdate> statuses, List<PreferenceUpdate> preferences,
            List<WebhookError> errors) {
    }

    /** An error Meta reported outside a message or status ({@code value.errors[]}). */
    public record WebhookError(Integer code, String title, String details) {
    }

    private WebhookParser() {
    }

    public static Parsed parse(JsonObject root) {
        List<InboundMessage> messages = new ArrayList<>();
        List<StatusUpdate> statuses = new ArrayList<>();
        List<PreferenceUpdate> preferences = new ArrayList<>();
        List<WebhookError> errors = new ArrayList<>();
        for (JsonObject entry : objects(root.get("entry"))) {
            for (JsonObject change : objects(entry.get("changes"))) {
                JsonObject value = object(change.get("value"));
                if (value == null) {
                    continue;
                }
                Map<String, String> userIdByWaId = new HashMap<>();
                for (JsonObject contact : objects(value.get("contacts"))) {
                    String waId = string(contact, "wa_id");
                    String userId = string(contact, "user_id");
                    if (waId != null) {
                        userIdByWaId.put(waId, userId);
                    } else if (userId != null) {
                        userIdByWaId.put("user:" + userId, userId);
                    }
                }
                for (JsonObject m : objects(value.get("messages"))) {
                    messages.add(message(m, userIdByWaId));
                }
                for (JsonObject s : objects(value.get("statuses"))) {
                    statuses.add(status(s));
                }
                for (JsonObject p : objects(value.get("user_preferences"))) {
                    preferences.add(preference(p));
                }
                for (JsonObject e : objects(value.get("errors"))) {
                    errors.add(new WebhookError(code(e), title(e), string(object(e.get("error_data")), "details")));
                }
            }
        }
        return new Parsed(messages, statuses, preferences, errors);
    }

    private static InboundMessage message(JsonObject m, Map<String, String> userIdByWaId) {
        String from = string(m, "from");
        String userId = string(m, "from_user_id");
        if (userId == null && from != null) {
            userId = userIdByWaId.get(from);
        }
        if (from == null && userId == null && userIdByWaId.size() == 1) {
            userId = userIdByWaId.values().iterator().next();
        }
        String type = string(m, "type") == null ? "unknown" : string(m, "type");
        String text = null;
        String replyId = null;
        String replyTitle = null;
        switch (type) {
            case "text" -> text = string(object(m.get("text")), "body");
            case "button" -> {
                JsonObject button = object(m.get("button"));
                replyId = string(button, "payload");
                replyTitle = string(button, "text");
                text = replyTitle;
            }
            case "interactive" -> {
                JsonObject interactive = object(m.get("interactive"));
                JsonObject reply = object(interactive == null ? null
                        : interactive.get("button_reply") != null ? interactive.get("button_reply") : interactive.get("list_reply"));
                replyId = string(reply, "id");
                replyTitle = string(reply, "title");
                text = replyTitle;
            }
            case "image", "video", "audio", "document", "sticker" -> text = string(object(m.get(type)), "caption");
            case "location" -> {
                JsonObject location = object(m.get("location"));
                text = location == null ? null : string(location, "name");
            }
            case "reaction" -> text = string(object(m.get("reaction")), "emoji"); // null when the citizen took it back
            default -> {
                // kept with its type, ignored by the features
            }
        }
        List<JsonObject> errors = objects(m.get("errors"));
        JsonObject error = errors.isEmpty() ? null : errors.get(0);
        return new InboundMessage(string(m, "id"), from, userId, type, text, replyId, replyTitle, time(m, "timestamp"),
                error == null ? null : code(error), error == null ? null : title(error));
    }

    /** An error code, when it is a number of at most nine digits (1e999999999 would take minutes to turn into an int). */
    private static Integer code(JsonObject error) {
        if (error.get("code") instanceof jakarta.json.JsonNumber number) {
            java.math.BigDecimal value = number.bigDecimalValue();
            return value.precision() - value.scale() <= 9 ? value.intValue() : null;
        }
        return null;
    }

    private static String title(JsonObject error) {
        return string(error, "title") != null ? string(error, "title") : string(error, "message");
    }

    private static StatusUpdate status(JsonObject s) {
        Integer code = null;
        String title = null;
        List<JsonObject> errors = objects(s.get("errors"));
        if (!errors.isEmpty()) {
            code = code(errors.get(0));
            title = title(errors.get(0));
        }
        return new StatusUpdate(string(s, "id"), string(s, "status"), time(s, "timestamp"), string(s, "recipient_id"), code, title);
    }

    private static PreferenceUpdate preference(JsonObject p) {
        String value = string(p, "value");
        return new PreferenceUpdate(string(p, "wa_id"), string(p, "user_id"), string(p, "category"),
                "stop".equalsIgnoreCase(value), time(p, "timestamp"));
    }

    private static OffsetDateTime time(JsonObject o, String key) {
        String raw = string(o, key);
        if (raw == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(raw);
            // a time outside 1970–9999 is no time Meta sends (and not every database can store it)
            return seconds < 0 || seconds > 253_402_300_799L ? null
                    : OffsetDateTime.ofInstant(Instant.ofEpochSecond(seconds), ZoneOffset.UTC);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<JsonObject> objects(JsonValue value) {
        List<JsonObject> result = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonValue v : array) {
                if (v instanceof JsonObject o) {
                    result.add(o);
                }
            }
        }
        return result;
    }

    private static JsonObject object(JsonValue value) {
        return value instanceof JsonObject o ? o : null;
    }

    private static String string(JsonObject o, String key) {
        if (o == null) {
            return null;
        }
        JsonValue v = o.get(key);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (v.getValueType()) {
            case STRING -> ((jakarta.json.JsonString) v).getString();
            case NUMBER, TRUE, FALSE -> v.toString();
            default -> null;
        };
    }
}
