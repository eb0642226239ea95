package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.Correlation;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.MessageTemplate;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import it.filodiretto.domain.whatsapp.SendResult;
import it.filodiretto.domain.whatsapp.StatusUpdate;
import it.filodiretto.domain.whatsapp.TemplateRegistry;
import it.filodiretto.domain.whatsapp.WhatsAppGateway;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Dispatch: a campaign that starts fans out to one delivery per eligible recipient (an INSERT … SELECT
 * with the audience rule; the unique (campaign, subscriber) key makes a second run create nothing), and
 * the deliveries travel in batches through the {@link DeliveryQueue} to the senders, which call
 * {@link #sendBatch}. Webhook statuses move deliveries forward only. A campaign is SENT when nothing is
 * pending.
 */
@Stateless
public class Dispatch {

    private static final Logger LOG = Logger.getLogger(Dispatch.class.getName());

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    it.filodiretto.domain.common.ServerInstance server;

    @Inject
    TimeSource time;

    @Inject
    AuditTrail audit;

    @Inject
    DeliveryQueue queue;

    @Inject
    DeliveryLedger ledger;

    @Inject
    DispatchHalt halt;

    @Inject
    TemplateRegistry templates;

    @Inject
    WhatsAppGateway gateway;

    @Inject
    MessagingLimit messagingLimit;

    @Inject
    @ConfigProperty(name = "filodiretto.dispatch.batch-size", defaultValue = "100")
    int batchSize;

    @Inject
    @ConfigProperty(name = "filodiretto.dispatch.max-attempts", defaultValue = "5")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "filodiretto.dispatch.retry-delay-seconds", defaultValue = "10")
    int retryDelaySeconds;

    /**
     * Starts a campaign whose time has come (or an emergency alert): SENDING, fan-out, queue. Locked, so two
     * servers or two ticks never start it twice; anything but a due campaign is left alone.
     */
    public void start(long campaignId, String actor) {
        Campaign campaign = em.find(Campaign.class, campaignId, LockModeType.PESSIMISTIC_WRITE);
        if (campaign == null || !campaign.isReadyToStart()) {
            return;
        }
        MessageTemplate template = templates.find(campaign.templateName(), campaign.language())
                .orElseThrow(() -> new DomainException(DomainError.TEMPLATE_UNKNOWN));
        campaign.requireIntact();
        OffsetDateTime now = time.now();
        long fanOutStart = System.nanoTime();
        int recipients = fanOut(campaign, template.category(), now);
        long fanOutMillis = (System.nanoTime() - fanOutStart) / 1_000_000;
        CampaignState from = campaign.state();
        campaign.start(recipients, now);
        em.persist(new CampaignEvent(campaign.id(), CampaignEvent.Kind.STARTED, actor, from, CampaignState.SENDING, null, null, now));
        em.flush();
        long queueStart = System.nanoTime();
        enqueuePending(campaign);
        long queueMillis = (System.nanoTime() - queueStart) / 1_000_000;
        // last: the audit event takes the chain's lock, which logins and consent changes wait for until this commits
        audit.record(actor.startsWith("system") ? Actor.SYSTEM : Actor.staff(actor), AuditAction.CAMPAIGN_STARTED, "campaign",
                campaign.id().toString(), Map.of("recipients", recipients, "priority", campaign.priority().name()));
        LOG.info(() -> "campaign " + campaignId + ": fan-out of " + recipients + " deliveries in " + fanOutMillis + " ms, queued in "
                + queueMillis + " ms");
        if (recipients == 0) {
            ledger.finishIfDone(campaign.id());
        }
    }

    /** One delivery per eligible recipient; returns how many the campaign has. */
    int fanOut(Campaign campaign, MessageCategory category, OffsetDateTime now) {
        Audience.Rule rule = Audience.rule(campaign.topics(), campaign.neighbourhoods(), category, now);
        Query insert = em.createNativeQuery("insert into delivery (id, campaign_id, subscriber_id, state, queued_at)"
                + " select nextval('delivery_seq'), ?, s.id, 'QUEUED', ? from subscriber s where " + rule.where()
                + " and not exists (select 1 from delivery d where d.campaign_id = ? and d.subscriber_id = s.id)");
        insert.setParameter(1, campaign.id());
        insert.setParameter(2, now);
        int next = Audience.bind(insert, rule.parameters(), 3);
        insert.setParameter(next, campaign.id());
        insert.executeUpdate();
        return ((Number) em.createNativeQuery("select count(*) from delivery where campaign_id = ?").setParameter(1, campaign.id())
                .getSingleResult()).intValue();
    }

    /** Puts every queued delivery of the campaign on the queue again (repeats are harmless: a delivery is claimed once). */
    public int enqueuePending(Campaign campaign) {
        return enqueue(campaign, true);
    }

    /** Queues the campaign's queued deliveries: all, or only those already tried (refused for now). */
    private int enqueue(Campaign campaign, boolean all) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from delivery where campaign_id = ? and state = 'QUEUED'"
                + (all ? "" : " and attempts > 0") + " order by id")
                .setParameter(1, campaign.id()).getResultList();
        for (int i = 0; i < ids.size(); i += batchSize) {
            queue.enqueue(campaign.id(), campaign.isEmergency(),
                    ids.subList(i, Math.min(ids.size(), i + batchSize)).stream().map(Number::longValue).toList());
        }
        return ids.size();
    }

    /** Queues everything queued again, now: any planned re-queue is void. */
    public void requeue(Campaign campaign) {
        campaignRows().dropRequeuePlan(campaign.id());
        enqueuePending(campaign);
    }

    private CampaignClockQueries campaignRows() {
        return new CampaignClockQueries(em);
    }

    public int cancelPending(long campaignId) {
        return em.createNativeQuery("update delivery set state = 'CANCELLED' where campaign_id = ? and state = 'QUEUED'")
                .setParameter(1, campaignId).executeUpdate();
    }

    /** Failed recipients whose failure was transient go back to the queue (and the campaign to SENDING). */
    public int retryTransientFailures(Campaign campaign) {
        int retried = em.createNativeQuery("update delivery set state = 'QUEUED', transient_failure = false, attempts = 0, failed_at = null"
                + " where campaign_id = ? and state = 'FAILED' and transient_failure = true").setParameter(1, campaign.id())
                .executeUpdate();
        if (retried > 0) {
            campaign.resendFailures(time.now());
        }
        em.flush();
        if (campaign.state() == CampaignState.SENDING) {
            enqueuePending(campaign);
        }
        return retried;
    }

    /**
     * Sends a batch of deliveries of one campaign (called by the senders for each queue message). Each is
     * claimed and settled in its own transaction; the batch stops early — leaving the rest queued for a
     * later re-queue — when the campaign is paused or stopped, when sending is halted, when an emergency
     * is going out (normal campaigns yield), or when the API keeps refusing for now.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void sendBatch(long campaignId, List<Long> deliveryIds) {
        // no EntityManager here: reads go through the ledger's own short transactions (the fault-tolerance
        // timeout runs each API call on another thread, and Payara then closes this invocation's
        // non-transactional EntityManager under its feet — measured in the rate-80 benchmark)
        Campaign campaign = ledger.campaign(campaignId);
        if (campaign == null || campaign.state() != CampaignState.SENDING) {
            return; // paused: resume re-queues; stopped or cancelled: nothing more to send
        }
        MessageTemplate template = templates.find(campaign.templateName(), campaign.language()).orElse(null);
        if (template == null || !template.isApproved()) {
            // Meta paused or disabled it since the approval (the synchronisation said so): not 83,000 failures, a pause
            ledger.pauseForTemplate(campaignId, null);
            LOG.warning(() -> "campaign " + campaignId + ": template " + campaign.templateName()
                    + " is not approved any more; campaign paused");
            return;
        }
        java.util.Set<String> topics = campaign.topics();
        java.util.Set<String> places = campaign.neighbourhoods();
        List<String> header = campaign.headerParameters();
        List<String> body = campaign.bodyParameters();
        List<String> buttons = campaign.buttonPayloads();
        String media = campaign.headerMedia();
        String link = campaign.linkParameter();
        int linkIndex = template.quickReplies().size();
        for (int i = 0; i < deliveryIds.size(); i++) {
            if (i % 20 == 0 && !mayGoOn(campaign)) {
                return;
            }
            DeliveryLedger.Claim claim = ledger.claim(deliveryIds.get(i), topics, places, template.category(), campaign.expiresAt());
            if (!(claim instanceof DeliveryLedger.Claim.Send send)) {
                continue;
            }
            DeliveryLedger.SendAttempt attempt;
            try (Correlation.Scope scope = Correlation.open("campaign-" + campaignId + "/delivery-" + send.deliveryId())) {
                OutboundMessage message = new OutboundMessage.Template(send.phone(), template.name(), template.language(),
                        header, body, buttons, template.headerFormat(), media, link, linkIndex);
                attempt = ledger.sendToActive(send.deliveryId(), () -> gateway.send(message, template.category()));
            } catch (RuntimeException afterTheSend) {
                // the API answered, recording it failed: the delivery stays claimed and recovery flags it as a possible
                // duplicate; the rest of the batch travels again later
                ledger.requeueAt(campaignId, time.now().plusSeconds(retryDelaySeconds), true);
                LOG.log(java.util.logging.Level.WARNING, "campaign " + campaignId + ": a send could not be recorded; queued again",
                        afterTheSend);
                return;
            }
            if (attempt == null) {
                continue; // the recipient left (a STOP) since the claim: skipped
            }
            SendResult result = attempt.result();
            if (attempt.failure() != null) {
                RuntimeException unexpected = attempt.failure();
                // nothing was sent as far as we know: back to the queue, everything travels again later
                ledger.release(send.deliveryId());
                ledger.requeueAt(campaignId, time.now().plusSeconds(retryDelaySeconds), true);
                LOG.log(java.util.logging.Level.WARNING, "campaign " + campaignId + ": sending failed unexpectedly; queued again",
                        unexpected);
                return;
            }
            if (result instanceof SendResult.Accepted) {
                messagingLimit.noteSent(); // recorded as sent with the send (DeliveryLedger#sendToActive)
            } else if (result instanceof SendResult.Refused refused) {
                if (!refused(campaign, send.deliveryId(), refused)) {
                    return;
                }
            }
        }
        ledger.finishIfDone(campaignId);
    }

    /** Meta's codes for a template that does not exist (any more), is paused or is disabled. */
    private static final java.util.Set<Integer> TEMPLATE_UNUSABLE = java.util.Set.of(132001, 132015, 132016);

    /** Records a refusal; false when the batch must stop (the rest waits for a re-queue). */
    private boolean refused(Campaign campaign, long deliveryId, SendResult.Refused refused) {
        switch (refused.errorClass()) {
            case PERMANENT -> {
                if (TEMPLATE_UNUSABLE.contains(refused.code())) {
                    // the template, not the recipient: this one waits with the rest, and the campaign pauses
                    ledger.retryLater(deliveryId, refused.code(), refused.title(), maxAttempts, false);
                    ledger.pauseForTemplate(campaign.id(), refused.code());
                    LOG.warning(() -> "campaign " + campaign.id() + ": WhatsApp refuses its template (" + refused.code()
                            + "); campaign paused");
                    return false;
                }
                ledger.failed(deliveryId, refused.code(), refused.title());
                return true;
            }
            case STOP_EVERYTHING -> {
                ledger.retryLater(deliveryId, refused.code(), refused.title(), maxAttempts, false);
                halt.halt(refused.code(), refused.title());
                return false;
            }
            default -> {
                // 131056 (pair rate limit) concerns this recipient only: it alone waits, its attempts count.
                // Anything else transient (5xx, 429, throughput, timeouts, open circuit) is the API's trouble:
                // the batch stops, no attempt is burnt, and everything queued travels again after the delay.
                boolean thisRecipientOnly = refused.code() == 131056;
                if (refused.outcomeUnknown()) {
                    ledger.possibleDuplicate(deliveryId); // sent again later, it may reach the citizen twice
                }
                ledger.retryLater(deliveryId, refused.code(), refused.title(), maxAttempts, thisRecipientOnly);
                ledger.requeueAt(campaign.id(), time.now().plusSeconds(retryDelaySeconds), !thisRecipientOnly);
                return thisRecipientOnly;
            }
        }
    }

    private boolean mayGoOn(Campaign campaign) {
        if (ledger.state(campaign.id()) != CampaignState.SENDING || halt.reason().isPresent()) {
            return false;
        }
        if (messagingLimit.remaining() <= 0) {
            ledger.requeueAt(campaign.id(), time.now().plusMinutes(10), true);
            LOG.warning(
                    () -> "campaign " + campaign.id() + ": WhatsApp's 24-hour messaging limit is spent; the rest waits for it to free up");
            return false;
        }
        if (!campaign.isEmergency() && ledger.emergencySending()) {
            ledger.requeueAt(campaign.id(), time.now().plusSeconds(2), true);
            return false; // normal traffic yields to an emergency and resumes afterwards
        }
        return true;
    }

    /** A webhook status moves its delivery forward (never back); statuses of other messages are ignored. */
    public void onStatus(@Observes StatusUpdate update) {
        Statuses.apply(em, update.wamid(), update.status(), update.occurredAt() == null ? time.now() : update.occurredAt(),
                update.errorCode(), update.errorTitle());
    }

    /** Sending campaigns and those finished in the last two days: their statuses may still need reconciling. */
    public List<Long> recentlyActive(OffsetDateTime now) {
        return em.createQuery("select c.id from Campaign c where c.state = :s or c.finishedAt > :since", Long.class)
                .setParameter("s", CampaignState.SENDING).setParameter("since", now.minusDays(2)).getResultList();
    }

    /**
     * Sending campaigns with queued deliveries, no re-queue planned and no message sent for a minute: a
     * batch was lost (a broker failure, a sender that gave up); they are queued again.
     */
    public List<Long> stalled(OffsetDateTime now) {
        return campaignRows().stalled(now);
    }

    /** Scheduled campaigns whose time has come, the earliest first. */
    public List<Long> due(OffsetDateTime now) {
        return em.createQuery("select c.id from Campaign c where c.state = :s and c.scheduledAt <= :now order by c.scheduledAt", Long.class)
                .setParameter("s", CampaignState.SCHEDULED).setParameter("now", now).getResultList();
    }

    public List<Long> waitingForRequeue(OffsetDateTime now) {
        return em.createQuery("select c.id from Campaign c where c.state = :s and c.requeueAt <= :now", Long.class)
                .setParameter("s", CampaignState.SENDING).setParameter("now", now).getResultList();
    }

    public List<Long> sending() {
        return em.createQuery("select c.id from Campaign c where c.state = :s", Long.class).setParameter("s", CampaignState.SENDING)
                .getResultList();
    }

    /** The clock's re-queue of a campaign that had to wait: everything, or only what was refused for now. */
    public void requeue(long campaignId) {
        Campaign campaign = em.find(Campaign.class, campaignId);
        if (campaign == null || campaign.state() != CampaignState.SENDING || halt.reason().isPresent()) {
            return;
        }
        enqueue(campaign, campaignRows().takeRequeuePlan(campaignId));
    }

    /** An administrator lifts the stop-everything switch: every sending campaign is queued again. */
    public boolean resumeAll(String actor) {
        boolean cleared = halt.clear(actor);
        if (cleared) {
            sending().forEach(id -> requeue(em.find(Campaign.class, id)));
        }
        return cleared;
    }

    /**
     * After a crash: deliveries caught between claim and outcome by a server that is gone (this one before its
     * restart, or another without a heartbeat since {@code startedAt}) go back to the queue flagged as possible
     * duplicates (the API may have accepted them in the instant before the crash); a live server's claims are
     * left alone. Every sending campaign is queued again (messages lost with a broker are sent anyway; repeats
     * are harmless). Run once every live server has had time to beat since {@code startedAt}.
     */
    public int recover(OffsetDateTime startedAt) {
        int inFlight = resetClaimsOfGoneServers(startedAt);
        if (inFlight > 0) {
            LOG.warning(() -> inFlight + " deliveries were in flight at the last stop: sent again and flagged as possible duplicates");
        }
        sending().forEach(id -> requeue(em.find(Campaign.class, id)));
        return inFlight;
    }

    /**
     * Claims older than {@code before} without an outcome (their sender is gone: a crash, or a failure
     * after the call) go back to the queue, flagged: the API may have accepted them. Claims made since the
     * start by live senders are left alone.
     */
    public int resetClaimsBefore(OffsetDateTime before) {
        return em.createNativeQuery("update delivery set state = 'QUEUED', possible_duplicate = true where state = 'SENDING'"
                + " and (claimed_at is null or claimed_at < ?)").setParameter(1, before).executeUpdate();
    }

    /**
     * Claims made before {@code aliveSince} by servers without a heartbeat since then (or by no known server) go back
     * to the queue, flagged: their sender is gone and the API may have accepted them.
     */
    public int resetClaimsOfGoneServers(OffsetDateTime aliveSince) {
        return em.createNativeQuery("update delivery set state = 'QUEUED', possible_duplicate = true where state = 'SENDING'"
                + " and (claimed_at is null or claimed_at < ?) and (claimed_by is null or (claimed_by <> ? and claimed_by not in"
                + " (select id from server_instance where heartbeat_at >= ?)))")
                .setParameter(1, aliveSince).setParameter(2, server.id()).setParameter(3, aliveSince).executeUpdate();
    }

    /** A normal campaign due in quiet hours waits for their end (history says so). */
    public void postpone(long campaignId, OffsetDateTime to) {
        Campaign campaign = em.find(Campaign.class, campaignId);
        if (campaign != null && campaign.postpone(to)) {
            em.persist(new CampaignEvent(campaignId, CampaignEvent.Kind.SCHEDULED, Actor.SYSTEM.name(), CampaignState.SCHEDULED,
                    CampaignState.SCHEDULED, "→ " + to, null, time.now())); // the step (SCHEDULED by system) and the new time say it
            LOG.info(() -> "campaign " + campaignId + " waits for the end of quiet hours: " + to);
        }
    }

    public boolean isEmergency(long campaignId) {
        Campaign campaign = em.find(Campaign.class, campaignId);
        return campaign != null && campaign.isEmergency();
    }
}
