package it.filodiretto.domain.campaign;

import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The statements on campaign rows that dispatch runs without loading the aggregate, in the caller's
 * transaction. They are here, and only here, because each must be one conditional statement: many senders
 * and the clock race for the same row, and exactly one of them may win ({@code … where state = SENDING}), or
 * they bookkeep the re-queue plan that senders write concurrently. States are always the enum's (JPQL
 * parameters, or bound from {@link CampaignState#name()} where SQL is native); workflow steps taken by people
 * go through {@link Campaign}'s methods instead.
 */
final class CampaignClockQueries {

    private final EntityManager em;

    CampaignClockQueries(EntityManager em) {
        this.em = em;
    }

    /** The state as committed now (no entity loaded). */
    CampaignState state(long campaignId) {
        // SQL, not JPQL: a sender checks this between two messages and must see a pause committed a moment ago,
        // never the state of a Campaign its persistence context (or EclipseLink's cache) still holds
        return CampaignState.valueOf((String) em.createNativeQuery("select state from campaign where id = ?").setParameter(1, campaignId)
                .getSingleResult());
    }

    /** Whether an emergency alert is going out. */
    boolean emergencySending() {
        return !em.createQuery("select c.id from Campaign c where c.priority = :p and c.state = :s", Long.class)
                .setParameter("p", Priority.EMERGENCY).setParameter("s", CampaignState.SENDING).setMaxResults(1).getResultList().isEmpty();
    }

    /** {@code from} → {@code to} if the campaign is still in {@code from}; true for the one caller that moved it. */
    boolean move(long campaignId, CampaignState from, CampaignState to, OffsetDateTime now) {
        if (!from.canMoveTo(to)) {
            throw new IllegalArgumentException(from + " → " + to);
        }
        return em.createQuery("update Campaign c set c.state = :to, c.updatedAt = :now, c.version = c.version + 1"
                + " where c.id = :id and c.state = :from")
                .setParameter("to", to).setParameter("now", now).setParameter("id", campaignId).setParameter("from", from)
                .executeUpdate() > 0;
    }

    /** SENDING → SENT, the re-queue plan dropped; true for the one caller that finished it. */
    boolean finishSending(long campaignId, OffsetDateTime now) {
        return em.createQuery("update Campaign c set c.state = :to, c.finishedAt = :now, c.updatedAt = :now, c.requeueAt = null,"
                + " c.requeueAll = :no, c.version = c.version + 1 where c.id = :id and c.state = :from")
                .setParameter("no", false).setParameter("to", CampaignState.SENT).setParameter("now", now).setParameter("id", campaignId)
                .setParameter("from", CampaignState.SENDING).executeUpdate() > 0;
    }

    /**
     * Plans a re-queue after {@code at} (the earliest plan wins): {@code all} when sending stopped early (every
     * queued delivery must travel again), otherwise only the deliveries refused for now (an earlier "all" stays).
     */
    void planRequeue(long campaignId, OffsetDateTime at, boolean all) {
        em.createNativeQuery("update campaign set requeue_at = case when requeue_at is null or requeue_at > ? then ? else requeue_at end,"
                + " requeue_all = (requeue_all or ?) where id = ?")
                .setParameter(1, at).setParameter(2, at).setParameter(3, all).setParameter(4, campaignId).executeUpdate();
    }

    /** Takes the plan for a re-queue: whether it was for every queued delivery. The plan is dropped. */
    boolean takeRequeuePlan(long campaignId) {
        List<Boolean> all = em.createQuery("select c.requeueAll from Campaign c where c.id = :id", Boolean.class)
                .setParameter("id", campaignId)
                .getResultList();
        dropRequeuePlan(campaignId);
        return !all.isEmpty() && Boolean.TRUE.equals(all.get(0));
    }

    void dropRequeuePlan(long campaignId) {
        em.createQuery("update Campaign c set c.requeueAt = null, c.requeueAll = :no where c.id = :id").setParameter("no", false)
                .setParameter("id", campaignId)
                .executeUpdate();
    }

    /**
     * Sending campaigns with queued deliveries, no re-queue planned, started more than a minute before {@code now}
     * and without a message sent in that minute.
     */
    List<Long> stalled(OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em
                .createNativeQuery("select c.id from campaign c where c.state = ? and c.requeue_at is null and c.started_at < ?"
                        + " and exists (select 1 from delivery d where d.campaign_id = c.id and d.state = ?)"
                        + " and not exists (select 1 from delivery d where d.campaign_id = c.id and (d.state = ? or d.sent_at > ?))")
                .setParameter(1, CampaignState.SENDING.name()).setParameter(2, now.minusMinutes(1))
                .setParameter(3, Delivery.State.QUEUED.name()).setParameter(4, Delivery.State.SENDING.name())
                .setParameter(5, now.minusMinutes(1)).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
