package it.filodiretto.domain.campaign;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.SendResult;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The steps of sending one delivery, each committed on its own so that the record is as close as possible
 * to the API call: claim it (QUEUED → SENDING, only one sender can), then record the outcome. Between the
 * two there is only the call itself.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class DeliveryLedger {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    it.filodiretto.domain.common.ServerInstance server;

    @Inject
    TimeSource time;

    @Inject
    AuditTrail audit;

    /** Where to send a claimed delivery, or why not. */
    public sealed interface Claim {
        record Send(long deliveryId, String phone) implements Claim {
        }

        /** Somebody else has it, or it is no longer queued. */
        record Taken() implements Claim {
        }

        /** Settled without sending (the recipient left, or the alert expired). */
        record Settled(Delivery.State state) implements Claim {
        }
    }

    /** The campaign as it is now (detached: read in a short transaction of its own). */
    public Campaign campaign(long campaignId) {
        return em.find(Campaign.class, campaignId);
    }

    public CampaignState state(long campaignId) {
        return campaignRows().state(campaignId);
    }

    /** Whether an emergency alert is going out (normal campaigns then yield). */
    public boolean emergencySending() {
        return campaignRows().emergencySending();
    }

    private CampaignClockQueries campaignRows() {
        return new CampaignClockQueries(em);
    }

    public Claim claim(long deliveryId, Set<String> topics, Set<String> neighbourhoods, MessageCategory category,
            OffsetDateTime expiresAt) {
        OffsetDateTime now = time.now();
        int claimed = em.createNativeQuery("update delivery set state = 'SENDING', attempts = attempts + 1, claimed_at = ?, claimed_by = ?"
                + " where id = ? and state = 'QUEUED'")
                .setParameter(1, now).setParameter(2, server.id()).setParameter(3, deliveryId).executeUpdate();
        if (claimed == 0) {
            return new Claim.Taken();
        }
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            settle(deliveryId, Delivery.State.EXPIRED);
            return new Claim.Settled(Delivery.State.EXPIRED);
        }
        Audience.Rule rule = Audience.rule(topics, neighbourhoods, category, now);
        Query query = em.createNativeQuery(
                "select s.phone from subscriber s where s.id = (select d.subscriber_id from delivery d where d.id = ?) and "
                        + rule.where());
        query.setParameter(1, deliveryId);
        Audience.bind(query, rule.parameters(), 2);
        List<?> phone = query.getResultList();
        if (phone.isEmpty() || phone.get(0) == null) {
            settle(deliveryId, Delivery.State.SKIPPED); // unsubscribed, erased or no longer in the audience since the fan-out
            return new Claim.Settled(Delivery.State.SKIPPED);
        }
        return new Claim.Send(deliveryId, phone.get(0).toString());
    }

    private void settle(long deliveryId, Delivery.State state) {
        em.createNativeQuery("update delivery set state = ? where id = ?").setParameter(1, state.name()).setParameter(2, deliveryId)
                .executeUpdate();
    }

    /** What became of a send: the API's answer, or the failure of the call itself (nothing sent as far as we know). */
    public record SendAttempt(SendResult result, RuntimeException failure) {
    }

    /**
     * Sends a claimed delivery while holding its recipient's row, and records the API's acceptance in the same
     * transaction. A STOP takes the same row to withdraw, so it waits until a send already under way is done, and a
     * recipient who left after the claim is skipped: no message goes out after a STOP has been processed. The row of
     * one citizen, for one API call; never the audit chain's lock. A failure of the call is returned, not thrown
     * (nothing is written, the caller puts the delivery back in the queue); a failure after the API accepted the
     * message (recording it) is thrown, and the delivery stays claimed, so that recovery flags it as a possible
     * duplicate instead of sending it again silently. Returns null when the recipient left.
     */
    public SendAttempt sendToActive(long deliveryId, java.util.function.Supplier<SendResult> send) {
        List<?> subscriber = em.createNativeQuery("select subscriber_id from delivery where id = ?").setParameter(1, deliveryId)
                .getResultList();
        List<?> active = subscriber.isEmpty() || subscriber.get(0) == null ? List.of()
                : em.createNativeQuery("select id from subscriber where id = ? and state = 'ACTIVE' for update")
                        .setParameter(1, ((Number) subscriber.get(0)).longValue()).getResultList();
        if (active.isEmpty()) {
            settle(deliveryId, Delivery.State.SKIPPED);
            return null;
        }
        SendResult result;
        try {
            result = send.get();
        } catch (RuntimeException failure) {
            return new SendAttempt(null, failure);
        }
        if (result instanceof SendResult.Accepted accepted) {
            sent(deliveryId, accepted.wamid());
        }
        return new SendAttempt(result, null);
    }

    /** Accepted by the API: the wamid, and any status that arrived before it was stored. */
    public void sent(long deliveryId, String wamid) {
        OffsetDateTime now = time.now();
        em.createNativeQuery("update delivery set state = 'SENT', wamid = ?, sent_at = ? where id = ? and state = 'SENDING'")
                .setParameter(1, wamid).setParameter(2, now).setParameter(3, deliveryId).executeUpdate();
        applyRecordedStatuses(deliveryId, wamid);
    }

    /** Statuses recorded for this wamid before the delivery knew it (the webhook can beat the database). */
    void applyRecordedStatuses(long deliveryId, String wamid) {
        @SuppressWarnings("unchecked")
        List<Object[]> early = em
                .createNativeQuery("select status, occurred_at, error_code, error_title from message_status where wamid = ? order by id")
                .setParameter(1, wamid).getResultList();
        for (Object[] row : early) {
            Statuses.apply(em, wamid, (String) row[0], toTime(row[1]), row[2] == null ? null : ((Number) row[2]).intValue(),
                    (String) row[3]);
        }
    }

    /**
     * Statuses that reached neither the delivery (it had no wamid yet) nor its outcome step (not committed
     * yet): applied from the recorded statuses, forward only. The clock runs it for campaigns still sending
     * or finished in the last two days.
     */
    public int reconcile(long campaignId) {
        int changed = 0;
        for (String status : new String[]{"read", "delivered", "failed"}) {
            changed += em.createNativeQuery(Statuses.reconcileSql(status)).setParameter(1, campaignId).executeUpdate();
        }
        return changed;
    }

    private OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return time.now();
    }

    public void failed(long deliveryId, int code, String title) {
        em.createNativeQuery(
                "update delivery set state = 'FAILED', error_code = ?, error_title = ?, transient_failure = false, failed_at = ?"
                        + " where id = ? and state = 'SENDING'")
                .setParameter(1, code).setParameter(2, cut(title)).setParameter(3, time.now()).setParameter(4, deliveryId).executeUpdate();
    }

    /**
     * A transient refusal: back to the queue for a later attempt, or — after {@code maxAttempts} — failed
     * as transient (the campaign's "retry failed" sends it again). Returns true if it went back to the queue.
     */
    /** The API may have accepted this delivery although no answer said so: a later send may repeat it. */
    public void possibleDuplicate(long deliveryId) {
        em.createNativeQuery("update delivery set possible_duplicate = true where id = ?").setParameter(1, deliveryId).executeUpdate();
    }

    public boolean retryLater(long deliveryId, int code, String title, int maxAttempts, boolean countAttempt) {
        int requeued = em.createNativeQuery("update delivery set state = 'QUEUED', error_code = ?, error_title = ?"
                + (countAttempt ? "" : ", attempts = attempts - 1") + " where id = ? and state = 'SENDING' and attempts < ?")
                .setParameter(1, code).setParameter(2, cut(title)).setParameter(3, deliveryId)
                .setParameter(4, countAttempt ? maxAttempts : Integer.MAX_VALUE)
                .executeUpdate();
        if (requeued > 0) {
            return true;
        }
        em.createNativeQuery(
                "update delivery set state = 'FAILED', error_code = ?, error_title = ?, transient_failure = true, failed_at = ?"
                        + " where id = ? and state = 'SENDING'")
                .setParameter(1, code).setParameter(2, cut(title)).setParameter(3, time.now()).setParameter(4, deliveryId).executeUpdate();
        return false;
    }

    /** Gives a delivery claimed but not sent back to the queue (sending had to stop). */
    public void release(long deliveryId) {
        em.createNativeQuery("update delivery set state = 'QUEUED', attempts = attempts - 1 where id = ? and state = 'SENDING'")
                .setParameter(1, deliveryId).executeUpdate();
    }

    /**
     * Marks the campaign to be queued again after {@code at}: {@code all} when sending stopped early (every
     * queued delivery must travel again), otherwise only the deliveries refused for now.
     */
    public void requeueAt(long campaignId, OffsetDateTime at, boolean all) {
        campaignRows().planRequeue(campaignId, at, all);
    }

    /**
     * SENDING → PAUSED by the system: the campaign's template cannot be used (not approved any more, or Meta
     * answered that it is missing, paused or disabled). Nothing is failed; a reviewer resumes it once the
     * template is usable again. {@code code} is Meta's error code, or null when the registry said so first.
     */
    public boolean pauseForTemplate(long campaignId, Integer code) {
        OffsetDateTime now = time.now();
        if (!campaignRows().move(campaignId, CampaignState.SENDING, CampaignState.PAUSED, now)) {
            return false;
        }
        String reason = "template:" + (code == null ? "not_approved" : code);
        em.persist(
                new CampaignEvent(campaignId, CampaignEvent.Kind.PAUSED, Actor.SYSTEM.name(), CampaignState.SENDING, CampaignState.PAUSED,
                        reason, null, now));
        audit.record(Actor.SYSTEM, AuditAction.CAMPAIGN_PAUSED, "campaign", String.valueOf(campaignId), Map.of("reason", reason));
        return true;
    }

    /** SENDING → SENT when nothing is pending any more; exactly one caller wins. */
    public boolean finishIfDone(long campaignId) {
        // "is anything pending", not "how many": called after every batch, it must not count a big campaign
        boolean pending = !em
                .createNativeQuery(
                        "select 1 from delivery where campaign_id = ? and state in ('QUEUED', 'SENDING') fetch first 1 rows only")
                .setParameter(1, campaignId).getResultList().isEmpty();
        if (pending) {
            return false;
        }
        OffsetDateTime now = time.now();
        if (!campaignRows().finishSending(campaignId, now)) {
            return false;
        }
        em.persist(new CampaignEvent(campaignId, CampaignEvent.Kind.SENT, Actor.SYSTEM.name(), CampaignState.SENDING, CampaignState.SENT,
                null, null, now));
        @SuppressWarnings("unchecked")
        List<Object[]> counts = em.createNativeQuery("select state, count(*) from delivery where campaign_id = ? group by state")
                .setParameter(1, campaignId).getResultList();
        Map<String, Object> details = new java.util.TreeMap<>();
        counts.forEach(r -> details.put(r[0].toString().toLowerCase(java.util.Locale.ROOT), ((Number) r[1]).longValue()));
        audit.record(Actor.SYSTEM, AuditAction.CAMPAIGN_SENT, "campaign", String.valueOf(campaignId), details);
        return true;
    }

    private static String cut(String text) {
        return text == null ? null : text.substring(0, Math.min(500, text.length()));
    }
}
