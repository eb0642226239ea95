package it.filodiretto.domain.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One link of the audit chain. Immutable once written: no setters, and on PostgreSQL a trigger rejects
 * UPDATE and DELETE on its table.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent implements java.io.Serializable {

    @Id
    @Column(name = "seq")
    private long sequence;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "actor", nullable = false, length = 200)
    private String actor;

    @Column(name = "action", nullable = false, length = 64)
    private String action;

    @Column(name = "target_type", length = 64)
    private String targetType;

    @Column(name = "target_id", length = 200)
    private String targetId;

    @Column(name = "details", nullable = false, length = 8000)
    private String details;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String previousHash;

    @Column(name = "hash", nullable = false, length = 64)
    private String hash;

    protected AuditEvent() {
        // JPA
    }

    AuditEvent(long sequence, OffsetDateTime occurredAt, String actor, String action, String targetType,
            String targetId, String details, String previousHash, String hash) {
        this.sequence = sequence;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.details = details;
        this.previousHash = previousHash;
        this.hash = hash;
    }

    public long sequence() {
        return sequence;
    }

    /** The time in UTC, whatever offset the database handed back. */
    public OffsetDateTime occurredAt() {
        return occurredAt.withOffsetSameInstant(ZoneOffset.UTC);
    }

    public String actor() {
        return actor;
    }

    public String action() {
        return action;
    }

    public String targetType() {
        return targetType;
    }

    public String targetId() {
        return targetId;
    }

    public String details() {
        return details;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }

    /** The fields that the hash covers, as the canonical form defines them. */
    public AuditRecord record() {
        return new AuditRecord(sequence, occurredAt(), actor, action, targetType, targetId, details);
    }
}
