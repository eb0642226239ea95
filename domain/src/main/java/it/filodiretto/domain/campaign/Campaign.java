package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainException;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonString;
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

import java.io.StringReader;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * A campaign and its workflow. The entity guards its own state machine ({@link CampaignState}); who may
 * move it is decided by {@link Campaigns}. Content changes only while editable and is frozen at approval
 * by its hash; {@link Version} makes two editors' concurrent saves collide instead of overwrite.
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

    @Column(name = "topics", nullable = false, length = 500)
    private String topics;

    @Column(name = "neighbourhoods", nullable = false, length = 1000)
    private String neighbourhoods;

    @Column(name = "template_name", nullable = false, length = 512)
    private String templateName;

    @Column(name = "template_language", nullable = false, length = 16)
    private String language;

    @Column(name = "header_parameters", nullable = false, length = 2000)
    private String headerParameters;

    @Column(name = "body_parameters", nullable = false, length = 8000)
    private String bodyParameters;

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

    /** Payloads of the template's quick-reply buttons, JSON array (system broadcasts only). */
    @Column(name = "button_payloads", nullable = false, length = 1000)
    private String buttonPayloads = "[]";

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
            throw DomainException.conflict("not_editable", "error.campaign.notEditable", state);
        }
        lastEditor = editor;
        write(content, now);
    }

    private void write(CampaignContent content, OffsetDateTime now) {
        title = content.title();
        topics = String.join(",", content.topics());
        neighbourhoods = String.join(",", content.neighbourhoods());
        templateName = content.templateName();
        language = content.language();
        headerParameters = array(content.headerParameters());
        bodyParameters = array(content.bodyParameters());
        scheduledAt = content.scheduledAt();
        expiresAt = content.expiresAt();
        headerMedia = content.headerMedia();
        linkParameter = content.link();
        updatedAt = now;
    }

    /** Moves to {@code next} if the state machine allows it; 409 otherwise. */
    void move(CampaignState next, OffsetDateTime now) {
        if (!state.canMoveTo(next)) {
            throw DomainException.conflict("transition_not_allowed", "error.campaign.transition", state, next);
        }
        state = next;
        updatedAt = now;
    }

    void approve(String reviewer, OffsetDateTime now) {
        move(CampaignState.APPROVED, now);
        approvedBy = reviewer;
        contentHash = content().hash();
    }

    void schedule(OffsetDateTime at, OffsetDateTime now) {
        move(CampaignState.SCHEDULED, now);
        scheduledAt = at;
    }

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

    void finish(CampaignState end, OffsetDateTime now) {
        move(end, now);
        finishedAt = now;
        requeueAt = null;
        requeueAll = false;
    }

    void emergency(String reason) {
        emergencyReason = reason;
    }

    void reviewedAfterwards(String reviewer, OffsetDateTime now) {
        postHocReviewedBy = reviewer;
        postHocReviewedAt = now;
    }

    /** The frozen content still matches its hash (nothing changed after approval). */
    public boolean isIntact() {
        return contentHash == null || contentHash.equals(content().hash());
    }

    public CampaignContent content() {
        return new CampaignContent(title, set(topics), set(neighbourhoods), templateName, language,
                list(headerParameters), list(bodyParameters), scheduledAt, expiresAt, headerMedia, linkParameter);
    }

    private static String array(List<String> values) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        values.forEach(array::add);
        return array.build().toString();
    }

    private static List<String> list(String json) {
        JsonArray array = JSON.createReader(new StringReader(json)).readArray();
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static Set<String> set(String csv) {
        return csv == null || csv.isEmpty() ? new TreeSet<>() : new LinkedHashSet<>(Arrays.asList(csv.split(",")));
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
        return set(topics);
    }

    public Set<String> neighbourhoods() {
        return set(neighbourhoods);
    }

    public String templateName() {
        return templateName;
    }

    public String language() {
        return language;
    }

    public List<String> headerParameters() {
        return list(headerParameters);
    }

    public List<String> bodyParameters() {
        return list(bodyParameters);
    }

    public String headerMedia() {
        return headerMedia;
    }

    public String linkParameter() {
        return linkParameter;
    }

    public List<String> buttonPayloads() {
        return list(buttonPayloads);
    }

    void buttonPayloads(List<String> payloads) {
        buttonPayloads = array(payloads);
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
