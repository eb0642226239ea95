package it.filodiretto.domain.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/**
 * One step in a campaign's history, for its page: who, when, from which state to which, the comment, and
 * — at submission and approval — the content as it was, so a reviewer sees the diff against the version
 * reviewed before.
 */
@Entity
@Table(name = "campaign_event")
public class CampaignEvent implements java.io.Serializable {

    public enum Kind {
        CREATED,
        EDITED,
        SUBMITTED,
        CHANGES_REQUESTED,
        APPROVED,
        REJECTED,
        SCHEDULED,
        CANCELLED,
        STARTED,
        PAUSED,
        RESUMED,
        STOPPED,
        SENT,
        FAST_LANE,
        POST_HOC_REVIEWED,
        RETRIED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_event_seq")
    @SequenceGenerator(name = "campaign_event_seq", sequenceName = "campaign_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "campaign_id", nullable = false)
    private long campaignId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 24)
    private Kind kind;

    @Column(name = "actor", nullable = false, length = 100)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_state", length = 24)
    private CampaignState fromState;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_state", length = 24)
    private CampaignState toState;

    @Column(name = "comment", length = 2000)
    private String comment;

    @Column(name = "snapshot", length = 16000)
    private String snapshot;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    protected CampaignEvent() {
        // JPA
    }

    CampaignEvent(long campaignId, Kind kind, String actor, CampaignState from, CampaignState to, String comment,
            String snapshot, OffsetDateTime now) {
        this.campaignId = campaignId;
        this.kind = kind;
        this.actor = actor;
        this.fromState = from;
        this.toState = to;
        this.comment = comment;
        this.snapshot = snapshot;
        this.occurredAt = now;
    }

    public Long id() {
        return id;
    }

    public long campaignId() {
        return campaignId;
    }

    public Kind kind() {
        return kind;
    }

    public String actor() {
        return actor;
    }

    public CampaignState fromState() {
        return fromState;
    }

    public CampaignState toState() {
        return toState;
    }

    public String comment() {
        return comment;
    }

    public String snapshot() {
        return snapshot;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }
}
