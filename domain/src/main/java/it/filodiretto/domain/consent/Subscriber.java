package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.CodeListConverter;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.common.DomainException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A citizen on the channel, known by phone number and/or WhatsApp ids. Only an explicit consent makes a
 * subscriber {@code ACTIVE}; a withdrawal stops every broadcast at once.
 */
@Entity
@Table(name = "subscriber")
public class Subscriber implements java.io.Serializable {

    public enum State { PENDING, ACTIVE, UNSUBSCRIBED, ERASED }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "subscriber_seq")
    @SequenceGenerator(name = "subscriber_seq", sequenceName = "subscriber_seq", allocationSize = 50)
    private Long id;

    @Column(name = "phone", length = 20)
    private String phone;

    @Column(name = "wa_id", length = 32)
    private String waId;

    @Column(name = "user_id", length = 200)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Column(name = "language", nullable = false, length = 5)
    private String language = "it";

    @Convert(converter = CodeListConverter.class)
    @Column(name = "topics", nullable = false, length = 500)
    private List<String> topics = List.of();

    @Convert(converter = CodeListConverter.class)
    @Column(name = "neighbourhoods", nullable = false, length = 1000)
    private List<String> neighbourhoods = List.of();

    @Column(name = "marketing_opt_out", nullable = false)
    private boolean marketingOptOut;

    @Column(name = "last_inbound_at")
    private OffsetDateTime lastInboundAt;

    @Column(name = "reconsent_due_by")
    private OffsetDateTime reconsentDueBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Subscriber() {
        // JPA
    }

    /** A new subscriber who asked to subscribe (not yet consenting). */
    public Subscriber(String phone, String waId, String userId, OffsetDateTime now) {
        if (phone == null && waId == null && userId == null) {
            throw new DomainException(DomainError.SUBSCRIBER_NO_IDENTITY);
        }
        this.phone = phone;
        this.waId = waId;
        this.userId = userId;
        this.state = State.PENDING;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Asked (again) to subscribe: waits for explicit consent. */
    public void requestSubscription(OffsetDateTime now) {
        if (state == State.ACTIVE || state == State.ERASED) {
            throw new DomainException(DomainError.SUBSCRIBER_STATE, state);
        }
        state = State.PENDING;
        updatedAt = now;
    }

    /** Explicit consent: active, for the given topics. */
    public void activate(Set<String> chosenTopics, OffsetDateTime now) {
        if (state != State.PENDING) {
            throw new DomainException(DomainError.SUBSCRIBER_NO_PENDING_REQUEST);
        }
        if (chosenTopics.isEmpty()) {
            throw new DomainException(DomainError.SUBSCRIBER_NO_TOPIC);
        }
        state = State.ACTIVE;
        topics = sorted(chosenTopics);
        reconsentDueBy = null;
        updatedAt = now;
    }

    public void changeTopics(Set<String> chosenTopics, OffsetDateTime now) {
        if (state != State.ACTIVE) {
            throw new DomainException(DomainError.SUBSCRIBER_NOT_ACTIVE);
        }
        if (chosenTopics.isEmpty()) {
            throw new DomainException(DomainError.SUBSCRIBER_NO_TOPIC);
        }
        topics = sorted(chosenTopics);
        updatedAt = now;
    }

    /** Re-confirmation under the notice in force: the pending deadline is lifted. */
    public void renew(OffsetDateTime now) {
        if (state != State.ACTIVE) {
            throw new DomainException(DomainError.SUBSCRIBER_NOT_ACTIVE);
        }
        reconsentDueBy = null;
        updatedAt = now;
    }

    /** Whether broadcasts may reach this subscriber at {@code now} (active, and not past a re-consent deadline). */
    public boolean mayReceiveBroadcastsAt(OffsetDateTime now) {
        return state == State.ACTIVE && (reconsentDueBy == null || now.isBefore(reconsentDueBy));
    }

    public OffsetDateTime reconsentDueBy() {
        return reconsentDueBy;
    }

    /** The neighbourhoods followed; empty means the whole city. */
    public void changeNeighbourhoods(Set<String> codes, OffsetDateTime now) {
        neighbourhoods = sorted(codes);
        updatedAt = now;
    }

    public Set<String> neighbourhoods() {
        return new LinkedHashSet<>(neighbourhoods);
    }

    /** Withdrawal (or a declined request): nothing is sent any more. */
    public void withdraw(OffsetDateTime now) {
        if (state == State.ERASED) {
            return;
        }
        state = State.UNSUBSCRIBED;
        updatedAt = now;
    }

    /** Erasure: every identifying field goes; the pseudonymous id and the consent history stay. */
    public void erase(OffsetDateTime now) {
        phone = null;
        waId = null;
        userId = null;
        topics = List.of();
        neighbourhoods = List.of();
        lastInboundAt = null;
        state = State.ERASED;
        updatedAt = now;
    }

    public void heardFrom(String waId, String userId, OffsetDateTime now) {
        if (this.waId == null && waId != null) {
            this.waId = waId;
        }
        if (this.userId == null && userId != null) {
            this.userId = userId;
        }
        lastInboundAt = now;
    }

    public void marketingOptOut(boolean optedOut, OffsetDateTime now) {
        marketingOptOut = optedOut;
        updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String phone() {
        return phone;
    }

    public String waId() {
        return waId;
    }

    public String userId() {
        return userId;
    }

    public State state() {
        return state;
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    public String language() {
        return language;
    }

    public Set<String> topics() {
        return new LinkedHashSet<>(topics);
    }

    public boolean isMarketingOptOut() {
        return marketingOptOut;
    }

    public OffsetDateTime lastInboundAt() {
        return lastInboundAt;
    }

    /** Codes are kept sorted: the column reads the same whatever the order they were chosen in. */
    private static List<String> sorted(Set<String> codes) {
        return List.copyOf(new TreeSet<>(codes));
    }

    /** Where WhatsApp messages go: the phone number, else the WhatsApp id. */
    public String address() {
        return phone != null ? phone : waId != null ? "+" + waId : userId;
    }
}
