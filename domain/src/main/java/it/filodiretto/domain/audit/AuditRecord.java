package it.filodiretto.domain.audit;

import java.time.OffsetDateTime;

/** The hashed content of an audit event, independent of how it is stored. */
public record AuditRecord(long sequence, OffsetDateTime occurredAt, String actor, String action,
        String targetType, String targetId, String details) {
}
