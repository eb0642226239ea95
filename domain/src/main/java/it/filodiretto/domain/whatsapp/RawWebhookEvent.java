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
    }

    public void markProcessed(OffsetDateTime now) {
        processedAt = now;
    }
}
