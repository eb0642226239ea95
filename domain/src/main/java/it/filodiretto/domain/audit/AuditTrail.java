package it.filodiretto.domain.audit;

import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The one way anything is written to the audit trail. Joins the caller's transaction, so an event exists
 * exactly when the change it describes does. Appends under a lock on the chain's head row: concurrent
 * writers line up, and sequence numbers have no gaps.
 */
@Stateless
public class AuditTrail {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    TimeSource time;

    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public AuditEvent record(Actor actor, AuditAction action, String targetType, String targetId,
            Map<String, ?> details) {
        AuditHead head = em.find(AuditHead.class, AuditHead.THE_ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("audit_head row missing: the schema migrations did not run");
        }
        long sequence = head.lastSequence() + 1;
        OffsetDateTime now = time.now();
        AuditRecord record = new AuditRecord(sequence, now, actor.name(), action.name(),
                blankToNull(targetType), blankToNull(targetId), DetailsJson.of(details));
        String hash = CanonicalForm.hash(record, head.lastHash());
        AuditEvent event = new AuditEvent(sequence, now, record.actor(), record.action(), record.targetType(),
                record.targetId(), record.details(), head.lastHash(), hash);
        em.persist(event);
        head.advance(sequence, hash);
        return event;
    }

    /**
     * Takes the chain's lock now and keeps it to the end of the transaction: for a once-only step that two
     * servers starting together must not both take (the first administrator), as every audited change
     * queues on this lock anyway.
     */
    public void holdChainLock() {
        em.find(AuditHead.class, AuditHead.THE_ONLY_ROW, LockModeType.PESSIMISTIC_WRITE);
    }

    public AuditEvent record(Actor actor, AuditAction action, String targetType, String targetId) {
        return record(actor, action, targetType, targetId, Map.of());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
