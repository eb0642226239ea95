package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

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
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static it.filodiretto.domain.campaign.ReviewComment.textOf;

/**
 * The editorial workflow's use cases, the same for the console and the API. Each checks the role that may
 * start it (only EDITOR creates, edits and submits drafts; only REVIEWER approves, rejects, requests changes
 * and schedules), loads the campaign and lets it take the step: the rules of the step (state table, four-eyes,
 * who controls sending, quiet hours) are {@link Campaign}'s. Every step is a history entry and an audit event
 * in the same transaction.
 */
@Stateless
public class Campaigns {

    @Inject
    CampaignRepository repository;

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
        checkCatalogueAndTimes(content);
        Campaign campaign = new Campaign(content, Priority.NORMAL, caller.username(), time.now());
        repository.add(campaign);
        history(campaign, CampaignEvent.Kind.CREATED, caller.username(), null, CampaignState.DRAFT, null, null);
        audit(caller, AuditAction.CAMPAIGN_CREATED, campaign, Map.of("title", content.title()));
        return campaign;
    }

    /** Saves a new content; {@code expectedVersion} is the version the editor started from (409 when someone saved since). */
    public Campaign update(long id, long expectedVersion, CampaignContent content, Caller caller) {
        require(caller, Role.EDITOR);
        Campaign campaign = find(id);
        if (campaign.version() != expectedVersion) {
            throw new DomainException(DomainError.CAMPAIGN_STALE_VERSION, campaign.lastEditor());
        }
        checkCatalogueAndTimes(content);
        campaign.edit(content, caller.username(), time.now());
        repository.flush(); // the version check of the database, too
        history(campaign, CampaignEvent.Kind.EDITED, caller.username(), campaign.state(), campaign.state(), null, null);
        audit(caller, AuditAction.CAMPAIGN_UPDATED, campaign, Map.of("version", campaign.version()));
        return campaign;
    }

    /** Runs every check (template approved, parameters complete and within WhatsApp's limits, audience, time) and submits. */
    public Campaign submit(long id, Caller caller) {
        require(caller, Role.EDITOR);
        Campaign campaign = find(id);
        CampaignState from = campaign.state();
        long size = campaign.submit(content -> {
            checkCatalogueAndTimes(content);
            MessageTemplate template = templates.checked(content.templateName(), content.language(), content.headerParameters(),
                    content.bodyParameters(), content.headerMedia(), content.link());
            long recipients = audience.count(content.topics(), content.neighbourhoods(), template.category());
            if (recipients == 0) {
                throw new DomainException(DomainError.CAMPAIGN_EMPTY_AUDIENCE);
            }
            return recipients;
        }, quietHours(), time.now());
        history(campaign, CampaignEvent.Kind.SUBMITTED, caller.username(), from, CampaignState.IN_REVIEW, null,
                campaign.content().toJson().toString());
        audit(caller, AuditAction.CAMPAIGN_SUBMITTED, campaign, Map.of("audience", size));
        return campaign;
    }

    public Campaign approve(long id, String comment, Caller caller) {
        require(caller, Role.REVIEWER);
        Campaign campaign = find(id);
        CampaignState from = campaign.state();
        campaign.approve(caller, time.now());
        ReviewComment note = ReviewComment.of(comment);
        history(campaign, CampaignEvent.Kind.APPROVED, caller.username(), from, CampaignState.APPROVED, textOf(note),
                campaign.content().toJson().toString());
        audit(caller, AuditAction.CAMPAIGN_APPROVED, campaign, details("contentHash", campaign.contentHash(), "comment", textOf(note)));
        return campaign;
    }

    public Campaign requestChanges(long id, String comment, Caller caller) {
        ReviewComment note = ReviewComment.required(comment);
        require(caller, Role.REVIEWER);
        Campaign campaign = find(id);
        CampaignState from = campaign.state();
        campaign.requestChanges(caller, note, time.now());
        history(campaign, CampaignEvent.Kind.CHANGES_REQUESTED, caller.username(), from, campaign.state(), note.text(), null);
        audit(caller, AuditAction.CAMPAIGN_CHANGES_REQUESTED, campaign, details("comment", note.text()));
        return campaign;
    }

    public Campaign reject(long id, String comment, Caller caller) {
        ReviewComment note = ReviewComment.required(comment);
        require(caller, Role.REVIEWER);
        Campaign campaign = find(id);
        CampaignState from = campaign.state();
        campaign.reject(caller, note, time.now());
        history(campaign, CampaignEvent.Kind.REJECTED, caller.username(), from, campaign.state(), note.text(), null);
        audit(caller, AuditAction.CAMPAIGN_REJECTED, campaign, details("comment", note.text()));
        return campaign;
    }

    /** Schedules an approved campaign at {@code at} (Europe/Rome wall time is the caller's business; null = now). */
    public Campaign schedule(long id, OffsetDateTime at, Caller caller) {
        require(caller, Role.REVIEWER);
        Campaign campaign = find(id);
        CampaignState from = campaign.state();
        campaign.schedule(caller, at, quietHours(), time.now());
        history(campaign, CampaignEvent.Kind.SCHEDULED, caller.username(), from, CampaignState.SCHEDULED, null, null);
        audit(caller, AuditAction.CAMPAIGN_SCHEDULED, campaign, Map.of("at", campaign.scheduledAt().toString()));
        return campaign;
    }

    /** Cancels before sending: the author (EDITOR) or a REVIEWER. */
    public Campaign cancel(long id, String comment, Caller caller) {
        Campaign campaign = find(id);
        CampaignState from = campaign.state();
        campaign.cancel(caller, time.now());
        ReviewComment note = ReviewComment.of(comment);
        history(campaign, CampaignEvent.Kind.CANCELLED, caller.username(), from, CampaignState.CANCELLED, textOf(note), null);
        audit(caller, AuditAction.CAMPAIGN_CANCELLED, campaign, details("comment", textOf(note)));
        return campaign;
    }

    public Campaign pause(long id, Caller caller) {
        Campaign campaign = find(id);
        CampaignState from = campaign.state();
        campaign.pause(caller, time.now());
        history(campaign, CampaignEvent.Kind.PAUSED, caller.username(), from, CampaignState.PAUSED, null, null);
        audit(caller, AuditAction.CAMPAIGN_PAUSED, campaign, Map.of());
        return campaign;
    }

    public Campaign resume(long id, Caller caller) {
        Campaign campaign = find(id);
        campaign.resume(caller, time.now());
        history(campaign, CampaignEvent.Kind.RESUMED, caller.username(), CampaignState.PAUSED, CampaignState.SENDING, null, null);
        audit(caller, AuditAction.CAMPAIGN_RESUMED, campaign, Map.of());
        dispatch.requeue(campaign);
        return campaign;
    }

    /** Stops sending: what was not sent yet is cancelled. */
    public Campaign stop(long id, String comment, Caller caller) {
        Campaign campaign = find(id);
        CampaignState from = campaign.state();
        campaign.stop(caller, time.now());
        ReviewComment note = ReviewComment.of(comment);
        int cancelled = dispatch.cancelPending(campaign.id());
        history(campaign, CampaignEvent.Kind.STOPPED, caller.username(), from, CampaignState.STOPPED, textOf(note), null);
        audit(caller, AuditAction.CAMPAIGN_STOPPED, campaign, details("notSent", cancelled, "comment", textOf(note)));
        return campaign;
    }

    /** Sends again to the recipients whose failure was transient (and only to them). */
    public int retryFailed(long id, Caller caller) {
        Campaign campaign = find(id);
        campaign.checkRetry(caller);
        int retried = dispatch.retryTransientFailures(campaign);
        history(campaign, CampaignEvent.Kind.RETRIED, caller.username(), campaign.state(), campaign.state(), null, null);
        audit(caller, AuditAction.CAMPAIGN_RETRIED, campaign, Map.of("recipients", retried));
        return retried;
    }

    /** A reviewer's look at an emergency alert sent without prior review. */
    public Campaign reviewAfterwards(long id, String comment, Caller caller) {
        require(caller, Role.REVIEWER);
        Campaign campaign = find(id);
        campaign.reviewAfterwards(caller, time.now());
        ReviewComment note = ReviewComment.of(comment);
        history(campaign, CampaignEvent.Kind.POST_HOC_REVIEWED, caller.username(), campaign.state(), campaign.state(), textOf(note), null);
        audit(caller, AuditAction.EMERGENCY_REVIEWED, campaign, details("comment", textOf(note)));
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
        return repository.byId(id).orElseThrow(() -> new DomainException(DomainError.CAMPAIGN_UNKNOWN, id));
    }

    public List<CampaignEvent> history(long campaignId) {
        return repository.history(campaignId);
    }

    /** The content as last submitted before the current review (for the reviewer's diff), if any. */
    public Optional<String> previouslyReviewed(long campaignId) {
        List<CampaignEvent> submissions = repository.lastEvents(campaignId, CampaignEvent.Kind.SUBMITTED, 2);
        return submissions.size() < 2 ? Optional.empty() : Optional.ofNullable(submissions.get(1).snapshot());
    }

    public List<Campaign> list(CampaignFilter filter, int first, int max) {
        return repository.page(filter, first, max);
    }

    public long count(CampaignFilter filter) {
        return repository.count(filter);
    }

    /** Campaigns with a time in [from, to): scheduled ones and those that started, for the calendar. */
    public List<Campaign> between(OffsetDateTime from, OffsetDateTime to) {
        return repository.between(from, to);
    }

    /** Emergency alerts still waiting for a reviewer's look. */
    public List<Campaign> postHocQueue() {
        return repository.awaitingPostHocReview();
    }

    /**
     * What content cannot check alone (it validates itself when built): its topics and neighbourhoods are known,
     * its times still ahead.
     */
    public void checkCatalogueAndTimes(CampaignContent content) {
        if (!topics.all().containsAll(content.topics())) {
            throw new DomainException(DomainError.CAMPAIGN_UNKNOWN_TOPIC);
        }
        if (!neighbourhoods.codes().containsAll(content.neighbourhoods())) {
            throw new DomainException(DomainError.SUBSCRIBER_UNKNOWN_NEIGHBOURHOOD);
        }
        content.checkTimes(time.now());
    }

    static void require(Caller caller, Role role) {
        if (!caller.has(role)) {
            throw new DomainException(DomainError.CAMPAIGN_NOT_ALLOWED);
        }
    }

    void history(Campaign campaign, CampaignEvent.Kind kind, String actor, CampaignState from, CampaignState to, String comment,
            String snapshot) {
        repository.record(new CampaignEvent(campaign.id(), kind, actor, from, to, comment, snapshot, time.now()));
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
}
