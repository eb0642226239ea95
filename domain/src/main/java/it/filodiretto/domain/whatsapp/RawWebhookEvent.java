package it.filodiretto.domain.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * A signed webhook body exactly as received, kept until processed (and for the retention period), so an
 * acknowledged event is never lost even if processing fails.
 */
@Entity
@Table(name = "webhook_event")
public class RawWebhookEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_event_seq")
    @SequenceGenerator(name = "webhook_event_seq", sequenceName = "webhook_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "received_at", nullable = false)
    private OffsetDateTime receivedAt;

    @Lob
    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "processed_at")
    private OffsetDateTime processedAt;

    @Column(name = "requeues", nullable = false)
    private int requeues;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "retry_at")
    private OffsetDateTime retryAt;

    @Column(name = "dead_at")
    private OffsetDateTime deadAt;

    /** After this many failed attempts a webhook is dead: kept, shown in the console, retried only by a person. */
    public static final int MAX_FAILURES = 5;

    protected RawWebhookEvent() {
        // JPA
    }

    public RawWebhookEvent(String body, OffsetDateTime receivedAt) {
        this.body = body;
        this.receivedAt = receivedAt;
    }

    public Long id() {
        return id;
    }

    public String body() {
        return body;
    }

    public OffsetDateTime receivedAt() {
        return receivedAt;
    }

    public boolean isProcessed() {
        return processedAt != null;
    }

    public void requeued() {
        requeues++;
        retryAt = null;
    }

    public void markProcessed(OffsetDateTime now) {
        processedAt = now;
    }

    /**
     * Processing failed: it is tried again after a delay that doubles each time (1, 2, 4, 8 minutes), and after
     * {@link #MAX_FAILURES} failures it is dead. {@code reason} names what failed, never the body's values.
     * @return whether this failure made it dead
     */
    public boolean failed(String reason, OffsetDateTime now) {
        failures++;
        lastError = reason == null ? null : reason.substring(0, Math.min(500, reason.length()));
        if (failures >= MAX_FAILURES) {
            deadAt = now;
            retryAt = null;
            return true;
        }
        retryAt = now.plusMinutes(1L << (failures - 1));
        return false;
    }

    /** A person asked to try a dead (or failing) webhook again: it starts afresh. */
    public void revive() {
        deadAt = null;
        retryAt = null;
        failures = 0;
        requeues = 0;
    }

    public boolean isDead() {
        return deadAt != null;
    }

    public int failures() {
        return failures;
    }

    public String lastError() {
        return lastError;
    }

    /** When the recovery job may try a failed webhook again (null: not waiting for a retry). */
    public OffsetDateTime retryAt() {
        return retryAt;
    }

}
