package it.filodiretto.domain.campaign;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.consent.Neighbourhoods;
import it.filodiretto.domain.consent.Topics;
import it.filodiretto.domain.staff.Caller;
import it.filodiretto.domain.staff.Role;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The editorial workflow, the same for the console and the API: who may do what in which state.
 * Only EDITOR creates, edits and submits drafts; only REVIEWER approves, rejects, requests changes,
 * schedules, pauses, resumes and stops, and never on a campaign they wrote or last edited (four-eyes).
 * Every move is a history entry and an audit event in the same transaction.
 */
@Stateless
public class Campaigns {

    static final int MAX_TITLE = 200;
    static final int MAX_PARAMETER = 1024;
    static final int MAX_PARAMETERS = 20;
    static final int MAX_COMMENT = 2000;

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    TimeSource time;

    @Inject
    AuditTrail audit;

    @Inject
    TemplateRegistry templates;

    @Inject
    Topics topics;

    @Inject
    Neighbourhoods neighbourhoods;

    @Inject
    Audience audience;

    @Inject
    Dispatch dispatch;

    @Inject
    MessagingLimit messagingLimit;

    @Inject
    @ConfigProperty(name = "filodiretto.campaigns.quiet-hours", defaultValue = "22:00-07:00")
    String quietHoursText;

    public Optional<QuietHours> quietHours() {
        return QuietHours.parse(quietHoursText);
    }

    public Campaign create(CampaignContent content, Caller caller) {
        require(caller, Role.EDITOR);
        validate(content);
        Campaign campaign = new Campaign(content, Priority.NORMAL, caller.username(), time.now());
        em.persist(campaign);
        em.flush();
        history(campaign, CampaignEvent.Kind.CREATED, caller.username(), null, CampaignState.DRAFT, null, null);
        audit(caller, AuditAction.CAMPAIGN_CREATED, campaign, Map.of("title", content.title()));
        return campaign;
    }

    /** Saves a new content; {@code expectedVersion} is the version the editor started from (409 when someone saved since). */
    public Campaign update(long id, long expectedVersion, CampaignContent content, Caller caller) {
        require(caller, Role.EDITOR);
        Campaign campaign = find(id);
        if (campaign.version() != expectedVersion) {
            throw DomainException.conflict("stale_version", "error.campaign.staleVersion", campaign.lastEditor());
        }
        validate(content);
        campaign.edit(content, caller.username(), time.now());
        em.flush(); // the version check of the database, too
        history(campaign, CampaignEvent.Kind.EDITED, caller.username(), campaign.state(), campaign.state(), null, null);
        audit(caller, AuditAction.CAMPAIGN_UPDATED, campaign, Map.of("version", campaign.version()));
        return campaign;
    }

    /** Runs every check (template approved, parameters complete and within WhatsApp's limits, audience, time) and submits. */
    public Campaign submit(long id, Caller caller) {
        require(caller, Role.EDITOR);
        Campaign campaign = find(id);
        CampaignState from = campaign.state();
        if (!from.canMoveTo(CampaignState.IN_REVIEW)) {
            throw DomainException.conflict("transition_not_allowed", "error.campaign.transition", from, CampaignState.IN_REVIEW);
        }
        CampaignContent content = campaign.content();
        validate(content);
        MessageTemplate template = templates.checked(content.templateName(), content.language(), content.headerParameters(), content.bodyParameters(),
                content.headerMedia(), content.link());
        long size = audience.count(content.topics(), content.neighbourhoods(), template.category());
        if (size == 0) {
            throw DomainException.invalid("empty_audience", "error.campaign.emptyAudience");
        }
        checkTime(content.scheduledAt(), campaign.priority());
        campaign.move(CampaignState.IN_REVIEW, time.now());
        history(campaign, CampaignEvent.Kind.SUBMITTED, caller.username(), from, CampaignState.IN_REVIEW, null, content.toJson().toString());
        audit(caller, AuditAction.CAMPAIGN_SUBMITTED, campaign, Map.of("audience", size));
        return campaign;
    }

    public Campaign approve(long id, String comment, Caller caller) {
        Campaign campaign = reviewable(id, caller);
        CampaignState from = campaign.state();
        campaign.approve(caller.username(), time.now());
        history(campaign, CampaignEvent.Kind.APPROVED, caller.username(), from, CampaignState.APPROVED, clean(comment),
                campaign.content().toJson().toString());
        audit(caller, AuditAction.CAMPAIGN_APPROVED, campaign, details("contentHash", campaign.contentHash(), "comment", clean(comment)));
        return campaign;
    }

    public Campaign requestChanges(long id, String comment, Caller caller) {
        return review(id, comment, caller, CampaignState.CHANGES_REQUESTED, CampaignEvent.Kind.CHANGES_REQUESTED, AuditAction.CAMPAIGN_CHANGES_REQUESTED);
    }

    public Campaign reject(long id, String comment, Caller caller) {
        return review(id, comment, caller, CampaignState.REJECTED, CampaignEvent.Kind.REJECTED, AuditAction.CAMPAIGN_REJECTED);
    }

    private Campaign review(long id, String comment, Caller caller, CampaignState to, CampaignEvent.Kind kind, AuditAction action) {
        if (clean(comment) == null) {
            throw DomainException.invalid("comment_required", "error.campaign.commentRequired");
        }
        Campaign campaign = reviewable(id, caller);
        CampaignState from = campaign.state();
        campaign.move(to, time.now());
        history(campaign, kind, caller.username(), from, to, clean(comment), null);
        audit(caller, action, campaign, details("comment", clean(comment)));
        return campaign;
    }

    private Campaign reviewable(long id, Caller caller) {
        require(caller, Role.REVIEWER);
        Campaign campaign = find(id);
        fourEyes(campaign, caller);
        return campaign;
    }

    /** Schedules an approved campaign at {@code at} (Europe/Rome wall time is the caller's business; null = now). */
    public Campaign schedule(long id, OffsetDateTime at, Caller caller) {
        require(caller, Role.REVIEWER);
        Campaign campaign = find(id);
        fourEyes(campaign, caller);
        OffsetDateTime when = at == null ? time.now() : at;
        if (at != null) {
            checkTime(at, campaign.priority());
        } else if (campaign.priority() == Priority.NORMAL) {
            quietHours().filter(q -> q.contains(when)).ifPresent(q -> {
                throw DomainException.invalid("quiet_hours", "error.campaign.quietHours", q.toString());
            });
        }
        if (!campaign.isIntact()) {
            throw DomainException.conflict("content_changed", "error.campaign.contentChanged");
        }
        CampaignState from = campaign.state();
        campaign.schedule(when, time.now());
        history(campaign, CampaignEvent.Kind.SCHEDULED, caller.username(), from, CampaignState.SCHEDULED, null, null);
        audit(caller, AuditAction.CAMPAIGN_SCHEDULED, campaign, Map.of("at", when.toString()));
        return campaign;
    }

    /** Cancels before sending: the author (EDITOR) or a REVIEWER. */
    public Campaign cancel(long id, String comment, Caller caller) {
        Campaign campaign = find(id);
        boolean author = caller.has(Role.EDITOR) && caller.username().equals(campaign.author());
        if (!author && !caller.has(Role.REVIEWER)) {
            throw DomainException.forbidden("not_allowed", "error.campaign.notAllowed");
        }
        CampaignState from = campaign.state();
        campaign.move(CampaignState.CANCELLED, time.now());
        history(campaign, CampaignEvent.Kind.CANCELLED, caller.username(), from, CampaignState.CANCELLED, clean(comment), null);
        audit(caller, AuditAction.CAMPAIGN_CANCELLED, campaign, details("comment", clean(comment)));
        return campaign;
    }

    public Campaign pause(long id, Caller caller) {
        Campaign campaign = sendingControl(id, caller);
        CampaignState from = campaign.state();
        campaign.move(CampaignState.PAUSED, time.now());
        history(campaign, CampaignEvent.Kind.PAUSED, caller.username(), from, CampaignState.PAUSED, null, null);
        audit(caller, AuditAction.CAMPAIGN_PAUSED, campaign, Map.of());
        return campaign;
    }

    public Campaign resume(long id, Caller caller) {
        Campaign campaign = sendingControl(id, caller);
        if (campaign.state() != CampaignState.PAUSED) {
            throw DomainException.conflict("transition_not_allowed", "error.campaign.transition", campaign.state(), CampaignState.SENDING);
        }
        campaign.move(CampaignState.SENDING, time.now());
        history(campaign, CampaignEvent.Kind.RESUMED, caller.username(), CampaignState.PAUSED, CampaignState.SENDING, null, null);
        audit(caller, AuditAction.CAMPAIGN_RESUMED, campaign, Map.of());
        dispatch.requeue(campaign);
        return campaign;
    }

    /** Stops sending: what was not sent yet is cancelled. */
    public Campaign stop(long id, String comment, Caller caller) {
        Campaign campaign = sendingControl(id, caller);
        CampaignState from = campaign.state();
        campaign.finish(CampaignState.STOPPED, time.now());
        int cancelled = dispatch.cancelPending(campaign.id());
        history(campaign, CampaignEvent.Kind.STOPPED, caller.username(), from, CampaignState.STOPPED, clean(comment), null);
        audit(caller, AuditAction.CAMPAIGN_STOPPED, campaign, details("notSent", cancelled, "comment", clean(comment)));
        return campaign;
    }

    /** Sends again to the recipients whose failure was transient (and only to them). */
    public int retryFailed(long id, Caller caller) {
        Campaign campaign = sendingControl(id, caller);
        int retried = dispatch.retryTransientFailures(campaign);
        history(campaign, CampaignEvent.Kind.RETRIED, caller.username(), campaign.state(), campaign.state(), null, null);
        audit(caller, AuditAction.CAMPAIGN_RETRIED, campaign, Map.of("recipients", retried));
        return retried;
    }

    /** Pause, resume, stop and retry: a REVIEWER, or the EMERGENCY role for emergency alerts. */
    private Campaign sendingControl(long id, Caller caller) {
        Campaign campaign = find(id);
        if (!caller.has(Role.REVIEWER) && !(campaign.isEmergency() && caller.has(Role.EMERGENCY))) {
            throw DomainException.forbidden("not_allowed", "error.campaign.notAllowed");
        }
        return campaign;
    }

    /** A reviewer's look at an emergency alert sent without prior review. */
    public Campaign reviewAfterwards(long id, String comment, Caller caller) {
        require(caller, Role.REVIEWER);
        Campaign campaign = find(id);
        if (!campaign.isEmergency()) {
            throw DomainException.conflict("not_emergency", "error.campaign.notEmergency");
        }
        if (campaign.postHocReviewedAt() != null) {
            throw DomainException.conflict("already_reviewed", "error.campaign.alreadyReviewed");
        }
        if (caller.username().equals(campaign.author())) {
            throw DomainException.forbidden("four_eyes", "error.campaign.fourEyes");
        }
        campaign.reviewedAfterwards(caller.username(), time.now());
        history(campaign, CampaignEvent.Kind.POST_HOC_REVIEWED, caller.username(), campaign.state(), campaign.state(), clean(comment), null);
        audit(caller, AuditAction.EMERGENCY_REVIEWED, campaign, details("comment", clean(comment)));
        return campaign;
    }

    /**
     * What a reviewer should know before approving: {@code messaging_limit} when the audience exceeds what is
     * left of WhatsApp's 24-hour limit (sending will then be spread over time).
     */
    public List<String> warnings(Campaign campaign) {
        if (campaign.startedAt() != null || campaign.state().isFinal()) {
            return List.of();
        }
        long size = templates.find(campaign.templateName(), campaign.language())
                .map(t -> audience.count(campaign.topics(), campaign.neighbourhoods(), t.category())).orElse(0L);
        return messagingLimit.wouldBeExceededBy(size) ? List.of("messaging_limit") : List.of();
    }

    public Campaign find(long id) {
        Campaign campaign = em.find(Campaign.class, id);
        if (campaign == null) {
            throw DomainException.notFound("unknown_campaign", "error.campaign.unknown", id);
        }
        return campaign;
    }

    public List<CampaignEvent> history(long campaignId) {
        return em.createQuery("select e from CampaignEvent e where e.campaignId = :c order by e.id", CampaignEvent.class)
                .setParameter("c", campaignId).getResultList();
    }

    /** The content as last submitted before the current review (for the reviewer's diff), if any. */
    public Optional<String> previouslyReviewed(long campaignId) {
        List<CampaignEvent> submissions = em.createQuery("select e from CampaignEvent e where e.campaignId = :c and e.kind = :k order by e.id desc",
                CampaignEvent.class).setParameter("c", campaignId).setParameter("k", CampaignEvent.Kind.SUBMITTED).setMaxResults(2).getResultList();
        return submissions.size() < 2 ? Optional.empty() : Optional.ofNullable(submissions.get(1).snapshot());
    }

    public List<Campaign> list(CampaignFilter filter, int first, int max) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Campaign> query = em.createQuery("select c from Campaign c" + filter.where(parameters) + " order by c.id desc", Campaign.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long count(CampaignFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(c) from Campaign c" + filter.where(parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    /** Campaigns with a time in [from, to): scheduled ones and those that started, for the calendar. */
    public List<Campaign> between(OffsetDateTime from, OffsetDateTime to) {
        return em.createQuery("select c from Campaign c where (c.scheduledAt >= :f and c.scheduledAt < :t) or (c.startedAt >= :f and c.startedAt < :t)"
                + " order by c.scheduledAt", Campaign.class).setParameter("f", from).setParameter("t", to).getResultList();
    }

    /** Emergency alerts still waiting for a reviewer's look. */
    public List<Campaign> postHocQueue() {
        return em.createQuery("select c from Campaign c where c.priority = :e and c.postHocReviewedAt is null and c.startedAt is not null order by c.id",
                Campaign.class).setParameter("e", Priority.EMERGENCY).getResultList();
    }

    /** The checks every save runs (submission adds the template's, the audience's and the time's). */
    public void validate(CampaignContent content) {
        if (content.title().isEmpty()) {
            throw DomainException.invalid("title_required", "error.campaign.titleRequired");
        }
        if (content.title().length() > MAX_TITLE) {
            throw DomainException.invalid("title_too_long", "error.campaign.titleTooLong", MAX_TITLE);
        }
        if (content.topics().isEmpty()) {
            throw DomainException.invalid("no_topic", "error.subscriber.noTopic");
        }
        if (!topics.all().containsAll(content.topics())) {
            throw DomainException.invalid("unknown_topic", "error.campaign.unknownTopic");
        }
        if (!neighbourhoods.codes().containsAll(content.neighbourhoods())) {
            throw DomainException.invalid("unknown_neighbourhood", "error.subscriber.unknownNeighbourhood");
        }
        if (content.templateName().isEmpty()) {
            throw DomainException.invalid("template_required", "error.campaign.templateRequired");
        }
        if (content.templateName().length() > 512 || !content.language().matches("[a-zA-Z_]{2,16}")) {
            throw DomainException.invalid("unknown_template", "error.template.unknown");
        }
        if (content.headerMedia() != null && (content.headerMedia().length() > 2000 || !content.headerMedia().matches("https://\\S+"))
                || content.link() != null && (content.link().length() > 2000 || content.link().matches(".*\\s.*"))) {
            throw DomainException.invalid("invalid_link", "error.campaign.invalidLink");
        }
        if (content.headerParameters().size() + content.bodyParameters().size() > MAX_PARAMETERS
                || content.headerParameters().stream().anyMatch(p -> p.length() > MAX_PARAMETER)
                || content.bodyParameters().stream().anyMatch(p -> p.length() > MAX_PARAMETER)) {
            throw DomainException.invalid("parameter_too_long", "error.campaign.parameterTooLong", MAX_PARAMETER);
        }
        OffsetDateTime now = time.now();
        if (content.scheduledAt() != null && !content.scheduledAt().isAfter(now)) {
            throw DomainException.invalid("schedule_in_past", "error.campaign.scheduleInPast");
        }
        OffsetDateTime start = content.scheduledAt() == null ? now : content.scheduledAt();
        if (content.expiresAt() != null && !content.expiresAt().isAfter(start)) {
            throw DomainException.invalid("expiry_before_start", "error.campaign.expiryBeforeStart");
        }
    }

    private void checkTime(OffsetDateTime at, Priority priority) {
        if (at == null) {
            return;
        }
        if (!at.isAfter(time.now())) {
            throw DomainException.invalid("schedule_in_past", "error.campaign.scheduleInPast");
        }
        if (priority == Priority.NORMAL) {
            quietHours().filter(q -> q.contains(at)).ifPresent(q -> {
                throw DomainException.invalid("quiet_hours", "error.campaign.quietHours", q.toString());
            });
        }
    }

    static void fourEyes(Campaign campaign, Caller caller) {
        if (caller.username().equals(campaign.author()) || caller.username().equals(campaign.lastEditor())) {
            throw DomainException.forbidden("four_eyes", "error.campaign.fourEyes");
        }
    }

    static void require(Caller caller, Role role) {
        if (!caller.has(role)) {
            throw DomainException.forbidden("not_allowed", "error.campaign.notAllowed");
        }
    }

    void history(Campaign campaign, CampaignEvent.Kind kind, String actor, CampaignState from, CampaignState to, String comment, String snapshot) {
        em.persist(new CampaignEvent(campaign.id(), kind, actor, from, to, comment, snapshot, time.now()));
    }

    private void audit(Caller caller, AuditAction action, Campaign campaign, Map<String, Object> details) {
        Map<String, Object> all = new LinkedHashMap<>(details);
        all.put("state", campaign.state().name());
        audit.record(Actor.staff(caller.username()), action, "campaign", campaign.id().toString(), all);
    }

    private static Map<String, Object> details(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                map.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return map;
    }

    static String clean(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String stripped = comment.strip();
        if (stripped.length() > MAX_COMMENT) {
            throw DomainException.invalid("comment_too_long", "error.campaign.commentTooLong", MAX_COMMENT);
        }
        return stripped;
    }
}
