package it.filodiretto.domain.whatsapp;

import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Everything that arrives from WhatsApp, recorded once and then announced as CDI events in the same
 * transaction: subscriptions and the assistant observe {@link InboundMessage}, dispatch observes
 * {@link StatusUpdate}, consent observes {@link PreferenceUpdate}. A duplicate delivery of the same event
 * (same message id, same wamid and status) is recorded and announced only the first time.
 */
@Stateless
public class WhatsAppEvents {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    TimeSource time;

    @Inject
    Event<InboundMessage> inbound;

    @Inject
    Event<StatusUpdate> statuses;

    @Inject
    Event<PreferenceUpdate> preferences;

    /** Stores one raw signed webhook body; returns its id. */
    public long store(String body) {
        return store(List.of(body)).get(0);
    }

    /** Stores raw signed webhook bodies, in the caller's transaction; returns their ids for asynchronous processing. */
    public List<Long> store(List<String> bodies) {
        java.time.OffsetDateTime now = time.now();
        return bodies.stream().map(body -> {
            RawWebhookEvent event = new RawWebhookEvent(body, now);
            em.persist(event); // the sequence assigns the id now; the row is written at commit
            return event.id();
        }).toList();
    }

    /** The stored webhooks of these ids that are still to be processed (a read: no transaction of its own). */
    @jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.SUPPORTS)
    public List<RawWebhookEvent> unprocessed(List<Long> ids) {
        return em.createQuery("select e from RawWebhookEvent e where e.id in :ids and e.processedAt is null", RawWebhookEvent.class)
                .setParameter("ids", ids).getResultList();
    }

    public RawWebhookEvent raw(long id) {
        return em.find(RawWebhookEvent.class, id);
    }

    /** @return false when this message id was already recorded (a repeated delivery) */
    public boolean receive(InboundMessage message) {
        boolean seen = !em.createQuery("select m.id from InboundMessageRecord m where m.messageId = :id", Long.class)
                .setParameter("id", message.messageId()).setMaxResults(1).getResultList().isEmpty();
        if (seen) {
            return false;
        }
        em.persist(new InboundMessageRecord(message, time.now()));
        em.flush();
        inbound.fire(message);
        return true;
    }

    /** @return false when this (wamid, status) was already recorded */
    public boolean status(StatusUpdate update) {
        // one statement instead of a query, an entity and a flush: statuses come three per message sent
        // (the identifier is a whole block of the pooled sequence, which JPA then never hands out)
        String title = update.errorTitle() == null ? null : update.errorTitle().substring(0, Math.min(500, update.errorTitle().length()));
        int inserted = em
                .createNativeQuery("insert into message_status (id, wamid, status, occurred_at, error_code, error_title, received_at)"
                        // casts: PostgreSQL cannot type a null parameter in a select list
                        + " select nextval('message_status_seq'), ?, ?, cast(? as timestamp with time zone), cast(? as integer),"
                        + " cast(? as varchar(500)), ? where not exists"
                        + " (select 1 from message_status where wamid = ? and status = ?)")
                .setParameter(1, update.wamid()).setParameter(2, update.status()).setParameter(3, update.occurredAt())
                .setParameter(4, update.errorCode()).setParameter(5, title).setParameter(6, time.now())
                .setParameter(7, update.wamid()).setParameter(8, update.status()).executeUpdate();
        if (inserted == 0) {
            return false;
        }
        statuses.fire(update);
        return true;
    }

    public void preference(PreferenceUpdate update) {
        preferences.fire(update);
    }

    public void processed(long rawId) {
        RawWebhookEvent raw = em.find(RawWebhookEvent.class, rawId);
        if (raw != null) {
            raw.markProcessed(time.now());
        }
    }

    public void processed(List<Long> rawIds) {
        if (!rawIds.isEmpty()) {
            em.createQuery("update RawWebhookEvent e set e.processedAt = :now where e.id in :ids and e.processedAt is null")
                    .setParameter("now", time.now()).setParameter("ids", rawIds).executeUpdate();
        }
    }

    /**
     * Removes the raw copies of processed webhooks that mention one of these identifiers (a number, a WhatsApp or
     * business-scoped user id) as a JSON string value; those still waiting for processing stay until processed.
     * @return how many went
     */
    public int forgetProcessedMentioning(java.util.Collection<String> ids) {
        int removed = 0;
        for (String id : ids) {
            if (id != null && !id.isBlank()) {
                removed += em.createQuery("delete from RawWebhookEvent e where e.body like :id and e.processedAt is not null")
                        .setParameter("id", "%\"" + id + "\"%").executeUpdate();
            }
        }
        return removed;
    }

    /** Removes a processed webhook whose raw copy must not be kept (it concerns only erased numbers). */
    public void forget(long rawId) {
        RawWebhookEvent raw = em.find(RawWebhookEvent.class, rawId);
        if (raw != null) {
            em.remove(raw);
        }
    }

    /**
     * Ids of stored webhooks to hand to processing again (oldest first), each counted as queued again: those never
     * processed that arrived before {@code before} (a message lost by a broker crash) and were queued again fewer
     * than {@code maxRequeues} times, and those whose failure's delay is over. Dead ones wait for a person.
     */
    public List<Long> requeueStale(java.time.OffsetDateTime before, int maxRequeues, int max) {
        List<RawWebhookEvent> stale = em.createQuery("select e from RawWebhookEvent e where e.processedAt is null and e.deadAt is null"
                + " and ((e.retryAt is null and e.receivedAt < :t and e.requeues < :r) or e.retryAt < :now) order by e.id",
                RawWebhookEvent.class)
                .setParameter("t", before).setParameter("r", maxRequeues).setParameter("now", time.now()).setMaxResults(max)
                .getResultList();
        stale.forEach(RawWebhookEvent::requeued);
        return stale.stream().map(RawWebhookEvent::id).toList();
    }

    /** Records that processing a stored webhook failed; @return whether it is now dead (failed too often). */
    public boolean failed(long rawId, String reason) {
        RawWebhookEvent raw = em.find(RawWebhookEvent.class, rawId);
        return raw != null && !raw.isProcessed() && raw.failed(reason, time.now());
    }

    /** Records an item of a stored webhook that could not be used; the other items go on. */
    public void reject(long rawId, WebhookRejection.Item item, String reason) {
        em.persist(new WebhookRejection(rawId, item, reason, time.now()));
    }

    /** A person asks to process a dead webhook again; @return false when there is no such unprocessed webhook. */
    public boolean revive(long rawId) {
        RawWebhookEvent raw = em.find(RawWebhookEvent.class, rawId);
        if (raw == null || raw.isProcessed()) {
            return false;
        }
        raw.revive();
        return true;
    }

    public List<RawWebhookEvent> dead(int max) {
        return em.createQuery("select e from RawWebhookEvent e where e.deadAt is not null and e.processedAt is null order by e.id desc",
                RawWebhookEvent.class).setMaxResults(max).getResultList();
    }

    public List<WebhookRejection> recentRejections(int max) {
        return em.createQuery("select r from WebhookRejection r order by r.id desc", WebhookRejection.class).setMaxResults(max)
                .getResultList();
    }

    public List<InboundMessageRecord> recentInbound(int max) {
        return em.createQuery("select m from InboundMessageRecord m order by m.id desc", InboundMessageRecord.class)
                .setMaxResults(max).getResultList();
    }

    public List<StatusRecord> recentStatuses(int max) {
        return em.createQuery("select s from StatusRecord s order by s.id desc", StatusRecord.class)
                .setMaxResults(max).getResultList();
    }

    public List<StatusRecord> statusesOf(String wamid) {
        return em.createQuery("select s from StatusRecord s where s.wamid = :w order by s.id", StatusRecord.class)
                .setParameter("w", wamid).getResultList();
    }
}
