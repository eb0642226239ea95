package it.filodiretto.domain.assistant;

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
 * One step of a citizen's conversation with the assistant or an operator, kept for the retention period
 * ({@code filodiretto.assistant.retention-days}): the question, the retrieved articles with their
 * confidence, the answer and how it was made. Deleted with the citizen's data on erasure.
 */
@Entity
@Table(name = "assistant_exchange")
public class Exchange {

    /** Answers of the assistant; a citizen's message to the operator; the operator's reply; a notice of the channel. */
    public enum Kind {
        ANSWERED, NO_ANSWER, SENSITIVE, TO_OPERATOR, FROM_OPERATOR, NOTICE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assistant_exchange_seq")
    @SequenceGenerator(name = "assistant_exchange_seq", sequenceName = "assistant_exchange_seq", allocationSize = 50)
    private Long id;

    @Column(name = "address", nullable = false, length = 200)
    private String address;

    @Column(name = "wa_id", length = 64)
    private String waId;

    @Column(name = "user_id", length = 200)
    private String userId;

    @Column(name = "handoff_id")
    private Long handoffId;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, length = 16)
    private Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "mode", length = 16)
    private AnswerEngine.Mode mode;

    @Column(name = "question", length = 4096)
    private String question;

    @Column(name = "answer", length = 4096)
    private String answer;

    @Column(name = "articles", length = 2000)
    private String articles;

    @Column(name = "confidence")
    private Double confidence;

    @Column(name = "took_ms")
    private Integer tookMs;

    @Column(name = "operator", length = 100)
    private String operator;

    @Column(name = "occurred_at", nullable = false)
    private OffsetDateTime occurredAt;

    protected Exchange() {
        // JPA
    }

    Exchange(Citizen citizen, Long handoffId, Kind kind, AnswerEngine.Mode mode, String question, String answer, String articles,
            Double confidence, Integer tookMs, String operator, OffsetDateTime at) {
        this.address = citizen.address();
        this.waId = citizen.waId();
        this.userId = citizen.userId();
        this.handoffId = handoffId;
        this.kind = kind;
        this.mode = mode;
        this.question = clip(question);
        this.answer = clip(answer);
        this.articles = articles == null || articles.length() <= 2000 ? articles : articles.substring(0, 2000);
        this.confidence = confidence;
        this.tookMs = tookMs;
        this.operator = operator;
        this.occurredAt = at;
    }

    private static String clip(String s) {
        return s == null || s.length() <= 4096 ? s : s.substring(0, 4096);
    }

    public Long id() {
        return id;
    }

    public String address() {
        return address;
    }

    public Long handoffId() {
        return handoffId;
    }

    public Kind kind() {
        return kind;
    }

    public AnswerEngine.Mode mode() {
        return mode;
    }

    public String question() {
        return question;
    }

    public String answer() {
        return answer;
    }

    /** "slug:confidence" pairs, best first. */
    public String articles() {
        return articles;
    }

    public Double confidence() {
        return confidence;
    }

    public Integer tookMs() {
        return tookMs;
    }

    public String operator() {
        return operator;
    }

    public OffsetDateTime occurredAt() {
        return occurredAt;
    }
}
