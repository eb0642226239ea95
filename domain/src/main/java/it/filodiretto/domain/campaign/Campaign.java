package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.common.CommaSeparatedSetConverter;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.JsonStringListConverter;
import it.filodiretto.domain.staff.Caller;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A campaign and its workflow. The aggregate guards its own rules: the state table ({@link CampaignState}),
 * four-eyes ({@link FourEyesPolicy}), who controls sending ({@link SendingControlPolicy}) and who cancels
 * ({@link CancellationPolicy}), quiet hours ({@link QuietHours}), and content that changes only while editable
 * and is frozen at approval by its hash. Which role may start a use case at all, the history and the audit
 * are {@link Campaigns}' business. {@link Version} makes two editors' concurrent saves collide instead of overwrite.
 */
@Entity
@Table(name = "campaign")
public class Campaign implements java.io.Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "campaign_seq")
    @SequenceGenerator(name = "campaign_seq", sequenceName = "campaign_seq", allocationSize = 10)
    private Long id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "title", nullable = false, length = 200)
    private String title;

    @Convert(converter = CommaSeparatedSetConverter.class)
    @Column(name = "topics", nullable = false, length = 500)
    private Set<String> topics;

    /** The same column as text, read only: the list's topic filter matches it with LIKE (JPQL cannot on a converted set). */
    @Column(name = "topics", insertable = false, updatable = false)
    private String topicsColumn;

    @Convert(converter = CommaSeparatedSetConverter.class)
    @Column(name = "neighbourhoods", nullable = false, length = 1000)
    private Set<String> neighbourhoods;

    @Column(name = "template_name", nullable = false, length = 512)
    private String templateName;

    @Column(name = "template_language", nullable = false, length = 16)
    private String language;

    @Convert(converter = JsonStringListConverter.class)
    @Column(name = "header_parameters", nullable = false, length = 2000)
    private List<String> headerParameters;

    @Convert(converter = JsonStringListConverter.class)
    @Column(name = "body_parameters", nullable = false, length = 8000)
    private List<String> bodyParameters;

    @Column(name = "header_media", length = 2000)
    private String headerMedia;

    @Column(name = "link_parameter", length = 2000)
    private String linkParameter;

    @Enumerated(EnumType.STRING)
    @Column(name = "priority", nullable = false, length = 16)
    private Priority priority;

    @Column(name = "scheduled_at")
    private OffsetDateTime scheduledAt;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 24)
    private CampaignState state;

    @Column(name = "author", nullable = false, length = 100)
    private String author;

    @Column(name = "last_editor", nullable = false, length = 100)
    private String lastEditor;

    @Column(name = "content_hash", length = 64)
    private String contentHash;

    @Column(name = "approved_by", length = 100)
    private String approvedBy;

    @Column(name = "emergency_reason", length = 1000)
    private String emergencyReason;

    @Column(name = "post_hoc_reviewed_by", length = 100)
    private String postHocReviewedBy;

    @Column(name = "post_hoc_reviewed_at")
    private OffsetDateTime postHocReviewedAt;

    @Column(name = "audience_size")
    private Integer audienceSize;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    /** Set when sending had to stop for a while (emergency pre-emption, API unavailable): re-queue after this time. */
    @Column(name = "requeue_at")
    private OffsetDateTime requeueAt;

    @Column(name = "requeue_all", nullable = false)
    private boolean requeueAll;

    /** Payloads of the template's quick-reply buttons (system broadcasts only). */
    @Convert(converter = JsonStringListConverter.class)
    @Column(name = "button_payloads", nullable = false, length = 1000)
    private List<String> buttonPayloads = List.of();

    protected Campaign() {
        // JPA
    }

    public Campaign(CampaignContent content, Priority priority, String author, OffsetDateTime now) {
        this.priority = priority;
        this.author = author;
        this.lastEditor = author;
        this.state = CampaignState.DRAFT;
        this.createdAt = now;
        write(content, now);
    }

    /** Replaces the content (only while editable). */
    public void edit(CampaignContent content, String editor, OffsetDateTime now) {
        if (!state.isEditable()) {
            throw new DomainException(DomainError.CAMPAIGN_NOT_EDITABLE, state);
        }
        lastEditor = editor;
        write(content, now);
    }

    private void write(CampaignContent content, OffsetDateTime now) {
        title = content.title();
        topics = content.topics();
        topicsColumn = String.join(",", topics);
        neighbourhoods = content.neighbourhoods();
        templateName = content.templateName();
        language = content.language();
        headerParameters = content.headerParameters();
        bodyParameters = content.bodyParameters();
        scheduledAt = content.scheduledAt();
        expiresAt = content.expiresAt();
        headerMedia = content.headerMedia();
        linkParameter = content.link();
        updatedAt = now;
    }

    // --- the workflow: each step checks who may take it and whether the state table allows it, then moves

    /**
     * DRAFT or CHANGES_REQUESTED → IN_REVIEW. {@code checks} are those the aggregate cannot run alone (the
     * template, the audience, the catalogue); they run after the state check and before the time check, and
     * what they found (e.g. the audience's size) is returned.
     */
    public <T> T submit(Function<CampaignContent, T> checks, Optional<QuietHours> quietHours, OffsetDateTime now) {
        requireMove(CampaignState.IN_REVIEW);
        CampaignContent content = content();
        T found = checks.apply(content);
        checkSendTime(content.scheduledAt(), quietHours, now);
        move(CampaignState.IN_REVIEW, now);
        return found;
    }

    /** IN_REVIEW → APPROVED by another than the author and the last editor; freezes the content by its hash. */
    public void approve(Caller reviewer, OffsetDateTime now) {
        FourEyesPolicy.check(reviewer, this);
        move(CampaignState.APPROVED, now);
        approvedBy = reviewer.username();
        contentHash = content().hash();
    }

    /** IN_REVIEW → CHANGES_REQUESTED, with a comment, by another than the author and the last editor. */
    public void requestChanges(Caller reviewer, ReviewComment comment, OffsetDateTime now) {
        review(reviewer, comment, CampaignState.CHANGES_REQUESTED, now);
    }

    /** IN_REVIEW → REJECTED (final), with a comment, by another than the author and the last editor. */
    public void reject(Caller reviewer, ReviewComment comment, OffsetDateTime now) {
        review(reviewer, comment, CampaignState.REJECTED, now);
    }

    private void review(Caller reviewer, ReviewComment comment, CampaignState to, OffsetDateTime now) {
        FourEyesPolicy.check(reviewer, this);
        if (comment == null) {
            throw ReviewComment.missing();
        }
        move(to, now);
    }

    /**
     * APPROVED → SCHEDULED at {@code at} (null: now), by another than the author and the last editor. A time must
     * be ahead and, for a normal campaign, outside quiet hours; the content must be the approved one.
     */
    public void schedule(Caller reviewer, OffsetDateTime at, Optional<QuietHours> quietHours, OffsetDateTime now) {
        FourEyesPolicy.check(reviewer, this);
        if (at != null) {
            checkSendTime(at, quietHours, now);
        } else {
            quietHours.ifPresent(q -> q.check(now, priority));
        }
        requireIntact();
        move(CampaignState.SCHEDULED, now);
        scheduledAt = at == null ? now : at;
    }

    /** A send time must be ahead and, for a normal campaign, outside quiet hours (null: no wished time, nothing to check). */
    private void checkSendTime(OffsetDateTime at, Optional<QuietHours> quietHours, OffsetDateTime now) {
        if (at == null) {
            return;
        }
        if (!at.isAfter(now)) {
            throw new DomainException(DomainError.CAMPAIGN_SCHEDULE_IN_PAST);
        }
        quietHours.ifPresent(q -> q.check(at, priority));
    }

    /**
     * A broadcast the system itself must send (decided and audited elsewhere, e.g. a privacy notice's
     * publication): DRAFT → IN_REVIEW → APPROVED → SCHEDULED at once, approved by the system, without an editorial review.
     */
    void scheduleAsSystem(OffsetDateTime at, OffsetDateTime now) {
        move(CampaignState.IN_REVIEW, now);
        move(CampaignState.APPROVED, now);
        approvedBy = Actor.SYSTEM.name();
        contentHash = content().hash();
        move(CampaignState.SCHEDULED, now);
        scheduledAt = at;
    }

    /** A scheduled campaign due in quiet hours waits for their end; false when it is not scheduled (any more). */
    boolean postpone(OffsetDateTime to) {
        if (state != CampaignState.SCHEDULED) {
            return false;
        }
        scheduledAt = to;
        return true;
    }

    /** Any state before sending → CANCELLED, by its author (as an editor) or a reviewer. */
    public void cancel(Caller caller, OffsetDateTime now) {
        CancellationPolicy.check(caller, this);
        move(CampaignState.CANCELLED, now);
    }

    /** Whether it may start now: scheduled (and due, the clock's business), or an emergency alert's draft (the fast lane). */
    public boolean isReadyToStart() {
        return state == CampaignState.SCHEDULED || isEmergency() && state == CampaignState.DRAFT;
    }

    /** SCHEDULED → SENDING, or DRAFT → SENDING for an emergency alert (no review before, a review after). */
    void start(int audience, OffsetDateTime now) {
        if (priority == Priority.EMERGENCY && state == CampaignState.DRAFT) {
            state = CampaignState.SENDING; // the fast lane: no review before, a review after
            updatedAt = now;
        } else {
            move(CampaignState.SENDING, now);
        }
        audienceSize = audience;
        startedAt = now;
        if (contentHash == null) {
            contentHash = content().hash(); // the emergency fast lane freezes at sending
        }
    }

    /** SENDING → PAUSED, by whoever controls sending. */
    public void pause(Caller caller, OffsetDateTime now) {
        SendingControlPolicy.check(caller, this);
        move(CampaignState.PAUSED, now);
    }

    /** PAUSED → SENDING, by whoever controls sending. */
    public void resume(Caller caller, OffsetDateTime now) {
        SendingControlPolicy.check(caller, this);
        if (state != CampaignState.PAUSED) {
            throw transitionRefused(CampaignState.SENDING);
        }
        move(CampaignState.SENDING, now);
    }

    /** SENDING or PAUSED → STOPPED (final: the rest is not sent), by whoever controls sending. */
    public void stop(Caller caller, OffsetDateTime now) {
        SendingControlPolicy.check(caller, this);
        finish(CampaignState.STOPPED, now);
    }

    /** Whoever controls sending may send the transient failures again while sending, paused or once sent. */
    public void checkRetry(Caller caller) {
        SendingControlPolicy.check(caller, this);
        if (!(state == CampaignState.SENT || state.isDispatching())) {
            throw transitionRefused(CampaignState.SENDING);
        }
    }

    /** Failures went back to the queue: a sent campaign is sending again. */
    void resendFailures(OffsetDateTime now) {
        if (state == CampaignState.SENT) {
            move(CampaignState.SENDING, now);
        }
    }

    void finish(CampaignState end, OffsetDateTime now) {
        move(end, now);
        finishedAt = now;
        requeueAt = null;
        requeueAll = false;
    }

    void emergency(String reason) {
        emergencyReason = reason;
    }

    /** A reviewer's look at an emergency alert sent without prior review: once, and not by its author. */
    public void reviewAfterwards(Caller reviewer, OffsetDateTime now) {
        if (!isEmergency()) {
            throw new DomainException(DomainError.CAMPAIGN_NOT_EMERGENCY);
        }
        if (postHocReviewedAt != null) {
            throw new DomainException(DomainError.CAMPAIGN_ALREADY_REVIEWED);
        }
        FourEyesPolicy.check(reviewer, this);
        postHocReviewedBy = reviewer.username();
        postHocReviewedAt = now;
    }

    /** Moves to {@code next} if the state table allows it; 409 otherwise. */
    private void move(CampaignState next, OffsetDateTime now) {
        requireMove(next);
        state = next;
        updatedAt = now;
    }

    private void requireMove(CampaignState next) {
        if (!state.canMoveTo(next)) {
            throw transitionRefused(next);
        }
    }

    private DomainException transitionRefused(CampaignState next) {
        return new DomainException(DomainError.CAMPAIGN_TRANSITION, state, next);
    }

    /** 409 {@code content_changed} unless {@link #isIntact}. */
    void requireIntact() {
        if (!isIntact()) {
            throw new DomainException(DomainError.CAMPAIGN_CONTENT_CHANGED);
        }
    }

    /** The frozen content still matches its hash (nothing changed after approval). */
    public boolean isIntact() {
        return contentHash == null || contentHash.equals(content().hash());
    }

    /** Scheduled, sending or paused: its figures move, the page follows them. */
    public boolean isLive() {
        return state == CampaignState.SCHEDULED || state.isDispatching();
    }

    public CampaignContent content() {
        return new CampaignContent(title, topics, neighbourhoods, templateName, language, headerParameters, bodyParameters, scheduledAt,
                expiresAt, headerMedia, linkParameter);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String title() {
        return title;
    }

    public Set<String> topics() {
        return topics;
    }

    public Set<String> neighbourhoods() {
        return neighbourhoods;
    }

    public String templateName() {
        return templateName;
    }

    public String language() {
        return language;
    }

    public List<String> headerParameters() {
        return headerParameters;
    }

    public List<String> bodyParameters() {
        return bodyParameters;
    }

    public String headerMedia() {
        return headerMedia;
    }

    public String linkParameter() {
        return linkParameter;
    }

    public List<String> buttonPayloads() {
        return buttonPayloads;
    }

    void buttonPayloads(List<String> payloads) {
        buttonPayloads = List.copyOf(payloads);
    }

    public Priority priority() {
        return priority;
    }

    public boolean isEmergency() {
        return priority == Priority.EMERGENCY;
    }

    public OffsetDateTime scheduledAt() {
        return scheduledAt;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }

    public CampaignState state() {
        return state;
    }

    public String author() {
        return author;
    }

    public String lastEditor() {
        return lastEditor;
    }

    public String contentHash() {
        return contentHash;
    }

    public String approvedBy() {
        return approvedBy;
    }

    public String emergencyReason() {
        return emergencyReason;
    }

    public String postHocReviewedBy() {
        return postHocReviewedBy;
    }

    public OffsetDateTime postHocReviewedAt() {
        return postHocReviewedAt;
    }

    public Integer audienceSize() {
        return audienceSize;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime startedAt() {
        return startedAt;
    }

    public OffsetDateTime finishedAt() {
        return finishedAt;
    }

    public OffsetDateTime requeueAt() {
        return requeueAt;
    }
}
