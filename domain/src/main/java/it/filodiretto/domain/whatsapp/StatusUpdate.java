package it.filodiretto.domain.whatsapp;

import java.time.OffsetDateTime;

/** A delivery status of a message we sent ({@code sent}, {@code delivered}, {@code read}, {@code failed}). */
public record StatusUpdate(String wamid, String status, OffsetDateTime occurredAt, String recipientId,
        Integer errorCode, String errorTitle) {
}
