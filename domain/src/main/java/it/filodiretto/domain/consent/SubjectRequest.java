package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A citizen's request to exercise a data-subject right (access/portability or erasure), received by chat or
 * registered by the privacy officer, with the deadline of GDPR art. 12(3): one month from receipt.
 */
@Entity
@Table(name = "subject_request")
public class SubjectRequest implements java.io.Serializable {

    public enum Kind { ACCESS, ERASURE }

    /** How the request reached the city. */
    public enum Channel { CHAT, OPERATOR }

    public enum State { OPEN, COMPLETED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subject_request_seq")
    @SequenceGenerator(name = "subject_request_seq", sequenceName = "subject_request_seq", allocationSize = 50)
    private Long id;

    @Column(name = "subscriber_id", nullable = false)
    private long subscriberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 16)
    private Channel channel;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "evidence", length = 200)
    private String evidence;

    @Column(name = "note", length = 1000)
    private String note;

    @Column(name = "registered_by", nullable = false, length = 100)
    private String registeredBy;

    @Column(name = "handled_by", length = 100)
    private String handledBy;

    @Column(name = "handled_at")
    private OffsetDateTime handledAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected SubjectRequest() {
        // JPA
    }

    public SubjectRequest(long subscriberId, Kind kind, Channel channel, LocalDate receivedOn, String evidence, String note,
            String registeredBy, OffsetDateTime now) {
        this.subscriberId = subscriberId;
        this.kind = kind;
        this.channel = channel;
        this.receivedOn = receivedOn;
        this.dueOn = deadline(receivedOn);
        this.state = State.OPEN;
        this.evidence = evidence;
        this.note = note;
        this.registeredBy = registeredBy;
        this.createdAt = now;
    }

    /** The open request of that kind for a subscriber, if any. */
    static Optional<SubjectRequest> open(EntityManager em, long subscriberId, Kind kind) {
        return em
                .createQuery("select r from SubjectRequest r where r.subscriberId = :s and r.kind = :k and r.state = :o",
                        SubjectRequest.class)
                .setParameter("s", subscriberId).setParameter("k", kind).setParameter("o", State.OPEN)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    /** One month from receipt (GDPR art. 12(3)); the 31st of a shorter month becomes its last day. */
    public static LocalDate deadline(LocalDate receivedOn) {
        return receivedOn.plusMonths(1);
    }

    public void complete(String actor, String comment, OffsetDateTime now) {
        close(State.COMPLETED, actor, comment, now);
    }

    public void reject(String actor, String reason, OffsetDateTime now) {
        if (reason == null || reason.isBlank()) {
            throw new DomainException(DomainError.REQUEST_REASON_REQUIRED);
        }
        close(State.REJECTED, actor, reason, now);
    }

    private void close(State to, String actor, String comment, OffsetDateTime now) {
        if (state != State.OPEN) {
            throw new DomainException(DomainError.REQUEST_CLOSED, id);
        }
        state = to;
        handledBy = actor;
        handledAt = now;
        if (comment != null && !comment.isBlank()) {
            note = (note == null || note.isBlank() ? "" : note + "\n") + comment.strip();
            note = note.substring(0, Math.min(1000, note.length()));
        }
    }

    /** Days left before the deadline (negative when overdue). */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, dueOn);
    }

    public boolean isOverdue(LocalDate today) {
        return state == State.OPEN && today.isAfter(dueOn);
    }

    public Long id() {
        return id;
    }

    public long subscriberId() {
        return subscriberId;
    }

    public Kind kind() {
        return kind;
    }

    public Channel channel() {
        return channel;
    }

    public LocalDate receivedOn() {
        return receivedOn;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public State state() {
        return state;
    }

    public String evidence() {
        return evidence;
    }

    public String note() {
        return note;
    }

    public String registeredBy() {
        return registeredBy;
    }

    public String handledBy() {
        return handledBy;
    }

    public OffsetDateTime handledAt() {
        return handledAt;
    }
}
