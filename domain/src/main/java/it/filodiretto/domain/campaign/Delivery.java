package it.filodiretto.domain.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One recipient of one campaign (unique per campaign and subscriber). Created by the fan-out as
 * {@code QUEUED}; the sender claims it ({@code SENDING}) in its own transaction before calling the API and
 * records the outcome right after, so a crash leaves at most the deliveries of that instant in
 * {@code SENDING}: recovery sends them again and flags them as possible duplicates.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    public enum State {
        QUEUED, SENDING, SENT, DELIVERED, READ, FAILED, SKIPPED, EXPIRED, CANCELLED
    }

    /** Identifiers come from the fan-out's INSERT … SELECT (sequence {@code delivery_seq}). */
    @Id
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private long campaignId;

    @Column(name = "subscriber_id", nullable = false)
    private long subscriberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "wamid", length = 200)
    private String wamid;

    @Column(name = "error_code")
    private Integer errorCode;

    @Column(name = "error_title", length = 500)
    private String errorTitle;

    @Column(name = "transient_failure", nullable = false)
    private boolean transientFailure;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "possible_duplicate", nullable = false)
    private boolean possibleDuplicate;

    @Column(name = "queued_at", nullable = false)
    private OffsetDateTime queuedAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    @Column(name = "failed_at")
    private OffsetDateTime failedAt;

    protected Delivery() {
        // JPA
    }

    public Long id() {
        return id;
    }

    public long campaignId() {
        return campaignId;
    }

    public long subscriberId() {
        return subscriberId;
    }

    public State state() {
        return state;
    }

    public String wamid() {
        return wamid;
    }

    public Integer errorCode() {
        return errorCode;
    }

    public String errorTitle() {
        return errorTitle;
    }

    public boolean isTransientFailure() {
        return transientFailure;
    }

    public int attempts() {
        return attempts;
    }

    public boolean isPossibleDuplicate() {
        return possibleDuplicate;
    }

    public OffsetDateTime queuedAt() {
        return queuedAt;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }

    public OffsetDateTime deliveredAt() {
        return deliveredAt;
    }

    public OffsetDateTime readAt() {
        return readAt;
    }

    public OffsetDateTime failedAt() {
        return failedAt;
    }
}
