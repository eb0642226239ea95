package it.filodiretto.domain.whatsapp;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One item of a stored webhook (a message, a status, a preference) that could not be used, with why: the other
 * items of the same webhook were processed. The reason names the field and the limit, never the value.
 */
@Entity
@Table(name = "webhook_rejection")
public class WebhookRejection {

    /** What kind of item was rejected. */
    public enum Item { MESSAGE, STATUS, PREFERENCE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_rejection_seq")
    @SequenceGenerator(name = "webhook_rejection_seq", sequenceName = "webhook_rejection_seq", allocationSize = 50)
    private Long id;

    @Column(name = "webhook_event_id", nullable = false)
    private long webhookEventId;

    @Column(name = "item", nullable = false, length = 16)
    private String item;

    @Column(name = "reason", nullable = false, length = 500)
    private String reason;

    @Column(name = "rejected_at", nullable = false)
    private OffsetDateTime rejectedAt;

    protected WebhookRejection() {
        // JPA
    }

    public WebhookRejection(long webhookEventId, Item item, String reason, OffsetDateTime rejectedAt) {
        this.webhookEventId = webhookEventId;
        this.item = item.name();
        this.reason = reason.substring(0, Math.min(500, reason.length()));
        this.rejectedAt = rejectedAt;
    }

    public long webhookEventId() {
        return webhookEventId;
    }

    public String item() {
        return item;
    }

    public String reason() {
        return reason;
    }

    public OffsetDateTime rejectedAt() {
        return rejectedAt;
    }
}
