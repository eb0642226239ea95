package it.filodiretto.domain.assistant;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * A conversation passed to a human operator. While it is open the assistant stays silent for that citizen;
 * the operator may write only inside WhatsApp's 24-hour window after the citizen's last message.
 */
@Entity
@Table(name = "handoff")
public class Handoff {

    /** Why: the citizen asked (OPERATORE), accepted the offer after a declined answer, or wrote about a sensitive subject. */
    public enum Reason {
        REQUESTED, LOW_CONFIDENCE, SENSITIVE
    }

    /** WAITING: no operator has taken it yet; ACTIVE: an operator owns it; CLOSED: the assistant answers again. */
    public enum State {
        WAITING, ACTIVE, CLOSED
    }

    public static final Duration WINDOW = Duration.ofHours(24);

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "handoff_seq")
    @SequenceGenerator(name = "handoff_seq", sequenceName = "handoff_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "address", nullable = false, length = 200)
    private String address;

    @Column(name = "wa_id", length = 64)
    private String waId;

    @Column(name = "user_id", length = 200)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason", nullable = false, length = 16)
    private Reason reason;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "operator", length = 100)
    private String operator;

    @Column(name = "opened_at", nullable = false)
    private OffsetDateTime openedAt;

    @Column(name = "last_citizen_at", nullable = false)
    private OffsetDateTime lastCitizenAt;

    @Column(name = "first_reply_at")
    private OffsetDateTime firstReplyAt;

    @Column(name = "closed_at")
    private OffsetDateTime closedAt;

    @Column(name = "closed_by", length = 100)
    private String closedBy;

    protected Handoff() {
        // JPA
    }

    Handoff(Citizen citizen, Reason reason, OffsetDateTime now) {
        this.address = citizen.address();
        this.waId = citizen.waId();
        this.userId = citizen.userId();
        this.reason = reason;
        this.state = State.WAITING;
        this.openedAt = now;
        this.lastCitizenAt = now;
    }

    void heard(OffsetDateTime at) {
        lastCitizenAt = at;
    }

    void claim(String operator) {
        requireOpen();
        this.operator = operator;
        this.state = State.ACTIVE;
    }

    void replied(String operator, OffsetDateTime now) {
        requireOpen();
        if (!isWindowOpen(now)) {
            throw new DomainException(DomainError.HANDOFF_WINDOW_CLOSED);
        }
        if (state == State.WAITING) {
            claim(operator);
        }
        if (firstReplyAt == null) {
            firstReplyAt = now;
        }
    }

    void close(String operator, OffsetDateTime now) {
        requireOpen();
        state = State.CLOSED;
        closedBy = operator;
        closedAt = now;
    }

    private void requireOpen() {
        if (state == State.CLOSED) {
            throw new DomainException(DomainError.HANDOFF_CLOSED);
        }
    }

    public boolean isWindowOpen(OffsetDateTime now) {
        return now.isBefore(lastCitizenAt.plus(WINDOW));
    }

    /** What is left of the 24-hour window (zero when closed). */
    public Duration windowLeft(OffsetDateTime now) {
        Duration left = Duration.between(now, lastCitizenAt.plus(WINDOW));
        return left.isNegative() ? Duration.ZERO : left;
    }

    public Citizen citizen() {
        return new Citizen(address, waId, userId);
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String address() {
        return address;
    }

    public Reason reason() {
        return reason;
    }

    public State state() {
        return state;
    }

    public String operator() {
        return operator;
    }

    public OffsetDateTime openedAt() {
        return openedAt;
    }

    public OffsetDateTime lastCitizenAt() {
        return lastCitizenAt;
    }

    public OffsetDateTime firstReplyAt() {
        return firstReplyAt;
    }

    public OffsetDateTime closedAt() {
        return closedAt;
    }
}
