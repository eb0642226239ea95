package it.filodiretto.domain.audit;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Turns an event's details into compact JSON with keys in sorted order, so that the same details always
 * give the same bytes (and the same hash).
 */
final class DetailsJson {

    private DetailsJson() {
    }

    static String of(Map<String, ?> details) {
        if (details == null || details.isEmpty()) {
            return "{}";
        }
        return object(details).build().toString();
    }

    private static JsonObjectBuilder object(Map<?, ?> map) {
        JsonObjectBuilder builder = JSON.createObjectBuilder();
        new TreeMap<>(stringKeys(map)).forEach((key, value) -> builder.add(key, value(value)));
        return builder;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new TreeMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }

    private static JsonValue value(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return JSON.createValue(((Number) value).longValue());
        }
        if (value instanceof Number n) {
            return JSON.createValue(n.toString());
        }
        if (value instanceof Map<?, ?> m) {
            return object(m).build();
        }
        if (value instanceof Collection<?> c) {
            JsonArrayBuilder array = JSON.createArrayBuilder();
            c.forEach(item -> array.add(value(item)));
            return array.build();
        }
        if (value instanceof Enum<?> e) {
            return JSON.createValue(e.name());
        }
        return JSON.createValue(value.toString());
    }
}
