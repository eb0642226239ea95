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

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Proof of one consent event (append-only): who, when, under which notice version (and the hash of its
 * exact text), for which topics, through which channel, with which evidence.
 */
@Entity
@Table(name = "consent_record")
public class ConsentRecord implements java.io.Serializable {

    public enum Action { GRANTED, CHANGED, RENEWED, WITHDRAWN }

    public enum Channel { WHATSAPP_KEYWORD, WEB_DOUBLE_OPT_IN, OPERATOR }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consent_record_seq")
    @SequenceGenerator(name = "consent_record_seq", sequenceName = "consent_record_seq", allocationSize = 50)
    private Long id;

    @Column(name = "subscriber_id", nullable = false)
    private long subscriberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, length = 16)
    private Action action;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    @Column(name = "notice_version", nullable = false)
    private int noticeVersion;

    @Column(name = "notice_hash", nullable = false, length = 64)
    private String noticeHash;

    @Convert(converter = CodeListConverter.class)
    @Column(name = "topics", nullable = false, length = 500)
    private List<String> topics;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 24)
    private Channel channel;

    @Column(name = "evidence", nullable = false, length = 2000)
    private String evidence;

    protected ConsentRecord() {
        // JPA
    }

    public ConsentRecord(long subscriberId, Action action, OffsetDateTime occurredAt, PrivacyNotice notice, Set<String> topics,
            Channel channel, String evidenceJson) {
        this.subscriberId = subscriberId;
        this.action = action;
        this.occurredAt = occurredAt;
        this.noticeVersion = notice.version();
        this.noticeHash = notice.textHash();
        this.topics = List.copyOf(new TreeSet<>(topics));
        this.channel = channel;
        this.evidence = evidenceJson;
    }

    /** The record as JSON, the same in exports, the register API and receipts' extensions. */
    public jakarta.json.JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("action", action.name())
                .add("occurredAt", occurredAt.toString())
                .add("noticeVersion", noticeVersion)
                .add("noticeSha256", noticeHash)
                .add("topics", CodeListConverter.format(topics))
                .add("channel", channel.name())
                .add("evidence", JSON.createReader(new java.io.StringReader(evidence)).readObject())
                .build();
    }

    public Long id() {
        return id;
    }

    public long subscriberId() {
        return subscriberId;
    }

    public Action action() {
        return action;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }

    public int noticeVersion() {
        return noticeVersion;
    }

    public String noticeHash() {
        return noticeHash;
    }

    /** The topics consented to, in code order. */
    public Set<String> topics() {
        return new LinkedHashSet<>(topics);
    }

    public Channel channel() {
        return channel;
    }

    public String evidence() {
        return evidence;
    }
}
