package it.filodiretto.domain.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** One stored event as verification reads it: the hashed content plus the two stored hashes. */
public record ChainLink(long sequence, OffsetDateTime occurredAt, String actor, String action, String targetType,
        String targetId, String details, String previousHash, String hash) {

    AuditRecord record() {
        return new AuditRecord(sequence, occurredAt.withOffsetSameInstant(ZoneOffset.UTC), actor, action, targetType,
                targetId, details);
    }
}
