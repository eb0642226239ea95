package it.filodiretto.domain.whatsapp;

import java.time.OffsetDateTime;

/** WhatsApp's user_preferences event: the citizen stopped (or resumed) marketing messages. */
public record PreferenceUpdate(String waId, String userId, String category, boolean optedOut, OffsetDateTime occurredAt) {
}
