package it.filodiretto.domain.audit;

import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The privacy officer's checks: verify the whole chain (streamed in chunks, bounded memory, up to the head
 * recorded when the walk starts), take a checkpoint, and record that these happened.
 */
@Stateless
public class AuditVerification {

    static final int CHUNK = 5_000;

    @Inject
    AuditEvents events;

    @Inject
    AuditTrail trail;

    @Inject
    TimeSource time;

    /** Verifies without recording anything (used by the verifying call itself, and by tests). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public VerificationResult walk(Checkpoint earlier) {
        Checkpoint head = events.head(time.now());
        ChainVerifier verifier = new ChainVerifier(earlier);
        long after = 0;
        while (after < head.sequence()) {
            List<ChainLink> chunk = events.links(after, head.sequence(), CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (ChainLink link : chunk) {
                if (!verifier.accept(link)) {
                    return verifier.result(head.sequence(), head.hash());
                }
            }
            after = chunk.get(chunk.size() - 1).sequence();
        }
        return verifier.result(head.sequence(), head.hash());
    }

    /** Verifies and records who verified and what came out. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public VerificationResult verify(Checkpoint earlier, String actor) {
        VerificationResult result = walk(earlier);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("valid", result.valid());
        details.put("events", result.events());
        if (!result.valid()) {
            details.put("firstBrokenSequence", result.firstBrokenSequence());
            details.put("reason", result.reason());
        }
        if (earlier != null) {
            details.put("checkpointSequence", earlier.sequence());
        }
        trail.record(Actor.staff(actor), AuditAction.AUDIT_VERIFIED, "audit", null, details);
        return result;
    }

    /** The current head as a checkpoint to file; records that it was taken. */
    public Checkpoint checkpoint(String actor) {
        Checkpoint head = events.head(time.now());
        trail.record(Actor.staff(actor), AuditAction.AUDIT_CHECKPOINT_EXPORTED, "audit", Long.toString(head.sequence()),
                Map.of("hash", head.hash()));
        return head;
    }

    /** Records that the privacy officer exported the events matching a filter. */
    public void recordExport(AuditFilter filter, String format, String actor) {
        Map<String, Object> details = new LinkedHashMap<>(filter.describe());
        details.put("format", format);
        trail.record(Actor.staff(actor), AuditAction.AUDIT_EXPORTED, "audit", null, details);
    }
}
