package it.filodiretto.domain.audit;

import java.time.OffsetDateTime;

/** What the privacy officer filters the trail by; a null or blank field does not filter. */
public record AuditFilter(OffsetDateTime from, OffsetDateTime to, String actor, String action, String targetType,
        String targetId) {

    /** The filter as audit details (what was looked at, never what was found). */
    java.util.Map<String, Object> describe() {
        java.util.Map<String, Object> d = new java.util.TreeMap<>();
        if (from != null) {
            d.put("from", CanonicalForm.formatTime(from));
        }
        if (to != null) {
            d.put("to", CanonicalForm.formatTime(to));
        }
        put(d, "actor", actor);
        put(d, "action", action);
        put(d, "targetType", targetType);
        put(d, "targetId", targetId);
        return d;
    }

    private static void put(java.util.Map<String, Object> d, String key, String value) {
        if (value != null && !value.isBlank()) {
            d.put(key, value.strip());
        }
    }
}
