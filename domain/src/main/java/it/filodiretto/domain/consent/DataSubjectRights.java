package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.CodeListConverter;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.InboundMessageRecord;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * GDPR rights of a subscriber, exercised by the privacy officer: access/portability (everything held, as
 * JSON) and erasure (identifiers, messages and raw webhooks removed; a salted hash of the number kept as a
 * suppression entry, the pseudonymous consent history kept for accountability). Both audited.
 */
@Stateless
public class DataSubjectRights {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    jakarta.enterprise.event.Event<SubscriberErased> erased;

    @Inject
    ConsentRegister register;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    @Inject
    Pseudonyms pseudonyms;

    @Inject
    it.filodiretto.domain.whatsapp.WhatsAppEvents webhookEvents;

    public JsonObject export(long subscriberId, String actor) {
        Subscriber s = register.subscriber(subscriberId);
        JsonArrayBuilder consents = JSON.createArrayBuilder();
        for (ConsentRecord r : register.history(subscriberId)) {
            consents.add(r.toJson());
        }
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        for (InboundMessageRecord m : inbound(s)) {
            messages.add(JSON.createObjectBuilder().add("receivedAt", m.receivedAt().toString()).add("type", m.type())
                    .add("text", m.text() == null ? "" : m.text()));
        }
        JsonObject export = JSON.createObjectBuilder()
                .add("subscriber", JSON.createObjectBuilder()
                        .add("id", "citizen:" + s.id())
                        .add("phone", s.phone() == null ? "" : s.phone())
                        .add("whatsappId", s.waId() == null ? "" : s.waId())
                        .add("state", s.state().name())
                        .add("language", s.language())
                        .add("topics", CodeListConverter.format(s.topics()))
                        .add("neighbourhoods", CodeListConverter.format(s.neighbourhoods()))
                        .add("marketingOptOut", s.isMarketingOptOut()))
                .add("consents", consents)
                .add("deliveries", deliveries(s.id()))
                .add("messages", messages)
                .add("exportedAt", time.now().toString())
                .build();
        audit.record(Actor.staff(actor), AuditAction.DATA_EXPORTED, "subscriber", s.id().toString(), Map.of("format", "json"));
        return export;
    }

    /** The campaign messages sent to the subscriber (native SQL: the campaign package builds on this one, not the reverse). */
    private JsonArrayBuilder deliveries(long subscriberId) {
        JsonArrayBuilder deliveries = JSON.createArrayBuilder();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.id, c.title, d.state, d.sent_at, d.delivered_at, d.read_at from delivery d"
                + " join campaign c on c.id = d.campaign_id where d.subscriber_id = ? order by d.id").setParameter(1, subscriberId)
                .getResultList();
        for (Object[] r : rows) {
            deliveries.add(JSON.createObjectBuilder().add("campaign", ((Number) r[0]).longValue()).add("title", String.valueOf(r[1]))
                    .add("state", String.valueOf(r[2])).add("sentAt", text(r[3])).add("deliveredAt", text(r[4])).add("readAt", text(r[5])));
        }
        return deliveries;
    }

    private static String text(Object time) {
        return time == null ? "" : time.toString();
    }

    /** Erases a subscriber's personal data; {@code requestedOn} is when the citizen asked (the one-month clock). */
    public void erase(long subscriberId, LocalDate requestedOn, String actor) {
        Subscriber s = register.subscriber(subscriberId);
        if (s.state() == Subscriber.State.ERASED) {
            throw new DomainException(DomainError.SUBSCRIBER_ALREADY_ERASED);
        }
        if (requestedOn == null || requestedOn.isAfter(time.now().toLocalDate())) {
            throw new DomainException(DomainError.SUBSCRIBER_REQUEST_DATE);
        }
        int messages = 0;
        for (InboundMessageRecord m : inbound(s)) {
            em.remove(m);
            messages++;
        }
        SubscriberErased event = new SubscriberErased(s.id(), s.waId(), s.userId(), s.phone());
        int webhooks = webhookEvents.forgetProcessedMentioning(event.identifiers());
        // Meta's message ids carry the recipient's number: the statuses of the messages sent to this subscriber go,
        // and their deliveries keep only state and times for the campaign's statistics
        int statuses = em.createNativeQuery("delete from message_status where wamid in"
                + " (select d.wamid from delivery d where d.subscriber_id = ? and d.wamid is not null)").setParameter(1, s.id())
                .executeUpdate();
        em.createNativeQuery("update delivery set wamid = null where subscriber_id = ?").setParameter(1, s.id()).executeUpdate();
        if (s.phone() != null) {
            em.createNativeQuery(
                    "insert into suppression (hash, created_at) select ?, ? where not exists (select 1 from suppression where hash = ?)")
                    .setParameter(1, suppressionHash(s.phone())).setParameter(2, time.now()).setParameter(3, suppressionHash(s.phone()))
                    .executeUpdate();
        }
        erased.fire(event);
        s.erase(time.now());
        SubjectRequest request = SubjectRequest.open(em, s.id(), SubjectRequest.Kind.ERASURE).orElseGet(() -> {
            SubjectRequest registered = new SubjectRequest(s.id(), SubjectRequest.Kind.ERASURE, SubjectRequest.Channel.OPERATOR,
                    requestedOn, null, null, actor, time.now());
            em.persist(registered);
            em.flush();
            return registered;
        });
        request.complete(actor, null, time.now());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("requestedOn", request.receivedOn().toString());
        details.put("request", request.id());
        details.put("onTime", !time.now().toLocalDate().isAfter(request.dueOn()));
        details.put("inboundMessagesRemoved", messages);
        details.put("rawWebhooksRemoved", webhooks);
        details.put("messageStatusesRemoved", statuses);
        audit.record(Actor.staff(actor), AuditAction.DATA_ERASED, "subscriber", s.id().toString(), details);
    }

    /** Whether a number belongs to an erased subscriber (so that nobody re-adds it by mistake). */
    public boolean isSuppressed(String e164) {
        return !em.createNativeQuery("select hash from suppression where hash = ?").setParameter(1, suppressionHash(e164))
                .getResultList().isEmpty();
    }

    private List<InboundMessageRecord> inbound(Subscriber s) {
        return em.createQuery(
                "select m from InboundMessageRecord m where (m.waId is not null and m.waId = :w) or (m.userId is not null and m.userId = :u)"
                        + " order by m.id",
                InboundMessageRecord.class)
                .setParameter("w", s.waId() == null ? "-" : s.waId()).setParameter("u", s.userId() == null ? "-" : s.userId())
                .getResultList();
    }

    String suppressionHash(String e164) {
        return pseudonyms.hash(e164);
    }
}
