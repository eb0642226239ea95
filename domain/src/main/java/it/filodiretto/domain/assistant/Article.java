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
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One official answer of the knowledge base. Only a published article inside its validity dates is ever
 * used by the assistant; archiving keeps it (and its history in the audit trail) but takes it out of use.
 */
@Entity
@Table(name = "article")
public class Article {

    public enum State { PUBLISHED, ARCHIVED }

    /** Where the article came from: written in the console, imported from a file, or a published campaign. */
    public enum Source {
        EDITOR, IMPORT, CAMPAIGN
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "article_seq")
    @SequenceGenerator(name = "article_seq", sequenceName = "article_seq", allocationSize = 50)
    private Long id;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "slug", nullable = false, unique = true, length = 120)
    private String slug;

    @Column(name = "title", nullable = false, length = 300)
    private String title;

    @Column(name = "body", nullable = false)
    private String body;

    @Column(name = "link", length = 1000)
    private String link;

    @Column(name = "office", length = 500)
    private String office;

    @Column(name = "tags", nullable = false, length = 1000)
    @jakarta.persistence.Convert(converter = it.filodiretto.domain.common.CommaSeparatedSetConverter.class)
    private Set<String> tags;

    @Column(name = "language", nullable = false, length = 8)
    private String language;

    @Column(name = "valid_from")
    private LocalDate validFrom;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 16)
    private State state;

    @Enumerated(EnumType.STRING)
    @Column(name = "source", nullable = false, length = 16)
    private Source source;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "updated_by", nullable = false, length = 100)
    private String updatedBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected Article() {
        // JPA
    }

    public Article(ArticleDraft draft, Source source, Long campaignId, String author, OffsetDateTime now) {
        this.slug = draft.slug();
        this.source = source;
        this.campaignId = campaignId;
        this.createdBy = author;
        this.createdAt = now;
        this.state = State.PUBLISHED;
        apply(draft, author, now);
    }

    /** Replaces the content (the slug stays: other files refer to it). */
    public void apply(ArticleDraft draft, String editor, OffsetDateTime now) {
        this.title = draft.title();
        this.body = draft.text();
        this.link = draft.link();
        this.office = draft.office();
        this.tags = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(draft.tags()));
        this.language = draft.language();
        this.validFrom = draft.validFrom();
        this.validUntil = draft.validUntil();
        touch(editor, now);
    }

    /** Whether the draft says anything different from what is stored. */
    public boolean differsFrom(ArticleDraft draft) {
        return !draft().equals(draft);
    }

    public void archive(String editor, OffsetDateTime now) {
        state = State.ARCHIVED;
        touch(editor, now);
    }

    public void publish(String editor, OffsetDateTime now) {
        state = State.PUBLISHED;
        touch(editor, now);
    }

    private void touch(String editor, OffsetDateTime now) {
        this.updatedBy = editor;
        this.updatedAt = now;
    }

    /** Whether the assistant may use it on that day. */
    public boolean isUsableOn(LocalDate day) {
        return state == State.PUBLISHED && (validFrom == null || !day.isBefore(validFrom))
                && (validUntil == null || !day.isAfter(validUntil));
    }

    public ArticleDraft draft() {
        return new ArticleDraft(slug, title, body, link, office, tagSet(), language, validFrom, validUntil);
    }

    public IndexedArticle indexed() {
        return new IndexedArticle(slug, title, body, link, office, tagSet(), language, validFrom, validUntil);
    }

    private Set<String> tagSet() {
        return tags;
    }

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public String text() {
        return body;
    }

    public String link() {
        return link;
    }

    public String office() {
        return office;
    }

    public String tags() {
        return String.join(", ", tags);
    }

    public String language() {
        return language;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validUntil() {
        return validUntil;
    }

    public State state() {
        return state;
    }

    public Source source() {
        return source;
    }

    public Long campaignId() {
        return campaignId;
    }

    public String updatedBy() {
        return updatedBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
