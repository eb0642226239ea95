package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.CodeListConverter;

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

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * A subscription asked for on the public page, waiting for the confirmation from that phone (double
 * opt-in). Keeps the web evidence: time, notice version, topics, a salted hash of the IP and the user agent.
 */
@Entity
@Table(name = "web_request")
public class WebRequest {

    public enum State { WAITING, CONFIRMED, DENIED, EXPIRED }

    public enum Kind { SUBSCRIBE, UNSUBSCRIBE }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "web_request_seq")
    @SequenceGenerator(name = "web_request_seq", sequenceName = "web_request_seq", allocationSize = 50)
    private Long id;

    @Column(name = "token", nullable = false, length = 64)
    private String token;

    @Column(name = "phone", length = 20)
    private String phone;

    @Column(name = "phone_hash", nullable = false, length = 64)
    private String phoneHash;

    @Column(name = "ip_hash", nullable = false, length = 64)
    private String ipHash;

    @Column(name = "user_agent", length = 300)
    private String userAgent;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "topics", nullable = false, length = 500)
    private List<String> topics;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "neighbourhoods", nullable = false, length = 1000)
    private List<String> neighbourhoods = List.of();

    @Column(name = "language", nullable = false, length = 5)
    private String language;

    @Column(name = "notice_version", nullable = false)
    private int noticeVersion;

    @Column(name = "foreign_number", nullable = false)
    private boolean foreignNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind = Kind.SUBSCRIBE;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "answered_at")
    private OffsetDateTime answeredAt;

    protected WebRequest() {
        // JPA
    }

    public WebRequest(String token, String phone, String phoneHash, String ipHash, String userAgent, Set<String> topics,
            String language, int noticeVersion, boolean foreignNumber, OffsetDateTime now, OffsetDateTime expiresAt) {
        this.token = token;
        this.phone = phone;
        this.phoneHash = phoneHash;
        this.ipHash = ipHash;
        this.userAgent = userAgent == null ? null : userAgent.substring(0, Math.min(300, userAgent.length()));
        this.topics = List.copyOf(new TreeSet<>(topics));
        this.language = language;
        this.noticeVersion = noticeVersion;
        this.foreignNumber = foreignNumber;
        this.state = State.WAITING;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Whether it can still be confirmed at {@code now}; marks it expired when the time has passed. */
    public boolean isOpenAt(OffsetDateTime now) {
        if (state == State.WAITING && !now.isBefore(expiresAt)) {
            state = State.EXPIRED;
        }
        return state == State.WAITING;
    }

    public void confirm(OffsetDateTime now) {
        state = State.CONFIRMED;
        answeredAt = now;
    }

    public void deny(OffsetDateTime now) {
        state = State.DENIED;
        answeredAt = now;
    }

    public Long id() {
        return id;
    }

    public String token() {
        return token;
    }

    public String phone() {
        return phone;
    }

    public String ipHash() {
        return ipHash;
    }

    public String userAgent() {
        return userAgent;
    }

    public Set<String> topics() {
        return new LinkedHashSet<>(topics);
    }

    public String language() {
        return language;
    }

    /** Neighbourhoods chosen on the page (none means the whole city). */
    public Set<String> neighbourhoods() {
        return neighbourhoods.isEmpty() ? Set.of() : new LinkedHashSet<>(neighbourhoods);
    }

    public WebRequest inNeighbourhoods(Set<String> codes) {
        neighbourhoods = codes == null ? List.of() : List.copyOf(new TreeSet<>(codes));
        return this;
    }

    public int noticeVersion() {
        return noticeVersion;
    }

    public Kind kind() {
        return kind;
    }

    /** Marks this request as one to leave the channel. */
    public WebRequest toUnsubscribe() {
        kind = Kind.UNSUBSCRIBE;
        return this;
    }

    public boolean isForeignNumber() {
        return foreignNumber;
    }

    public State state() {
        return state;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
