package it.filodiretto.domain.consent;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.PhoneNumber;
import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Data-subject requests and their one-month deadline: received by chat (the citizen writes from the
 * number concerned, which identifies them) or registered by the privacy officer (letter, e-mail, desk).
 * Completing an erasure request performs the erasure; every step is audited.
 */
@Stateless
public class SubjectRequests {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    SubscriberRepository subscribers;

    @Inject
    DataSubjectRights rights;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    /** A request written in the chat; an open one of the same kind is returned instead of a second one. */
    public SubjectRequest fromChat(Subscriber subscriber, SubjectRequest.Kind kind, String messageRef) {
        Optional<SubjectRequest> open = SubjectRequest.open(em, subscriber.id(), kind);
        if (open.isPresent()) {
            return open.get();
        }
        OffsetDateTime now = time.now();
        SubjectRequest request = new SubjectRequest(subscriber.id(), kind, SubjectRequest.Channel.CHAT, now.toLocalDate(),
                ConsentEvidence.MESSAGE_REF + ":" + messageRef, null, Actor.citizen(subscriber.id()).name(), now);
        em.persist(request);
        received(request, Actor.citizen(subscriber.id()));
        return request;
    }

    /** A request that reached the office by other means, for the subscriber with that number. */
    public SubjectRequest register(String number, SubjectRequest.Kind kind, LocalDate receivedOn, String note, String actor) {
        if (kind == null) {
            throw new DomainException(DomainError.REQUEST_KIND);
        }
        OffsetDateTime now = time.now();
        if (receivedOn == null || receivedOn.isAfter(now.toLocalDate())) {
            throw new DomainException(DomainError.SUBSCRIBER_REQUEST_DATE);
        }
        if (note != null && note.length() > 1000) {
            throw new DomainException(DomainError.REQUEST_NOTE_TOO_LONG);
        }
        PhoneNumber phone = PhoneNumber.parse(number);
        Subscriber subscriber = subscribers.byWhatsApp(phone.waId(), null)
                .orElseThrow(() -> new DomainException(DomainError.REQUEST_UNKNOWN_NUMBER));
        if (SubjectRequest.open(em, subscriber.id(), kind).isPresent()) {
            throw new DomainException(DomainError.REQUEST_ALREADY_OPEN);
        }
        SubjectRequest request = new SubjectRequest(subscriber.id(), kind, SubjectRequest.Channel.OPERATOR, receivedOn, null,
                note == null || note.isBlank() ? null : note.strip(), actor, now);
        em.persist(request);
        received(request, Actor.staff(actor));
        return request;
    }

    /** Closes a request as done; for an erasure request this is the erasure itself. */
    public void complete(long id, String comment, String actor) {
        SubjectRequest request = find(id);
        if (request.state() != SubjectRequest.State.OPEN) {
            throw new DomainException(DomainError.REQUEST_CLOSED, id);
        }
        if (request.kind() == SubjectRequest.Kind.ERASURE) {
            rights.erase(request.subscriberId(), request.receivedOn(), actor); // closes this request as well
            return;
        }
        request.complete(actor, comment, time.now());
        closed(request, AuditAction.SUBJECT_REQUEST_COMPLETED, actor);
    }

    public void reject(long id, String reason, String actor) {
        SubjectRequest request = find(id);
        request.reject(actor, reason, time.now());
        closed(request, AuditAction.SUBJECT_REQUEST_REJECTED, actor);
    }

    public SubjectRequest find(long id) {
        SubjectRequest request = em.find(SubjectRequest.class, id);
        if (request == null) {
            throw new DomainException(DomainError.REQUEST_UNKNOWN, id);
        }
        return request;
    }

    /** Requests in a state (all when null), the nearest deadline first. */
    public List<SubjectRequest> list(SubjectRequest.State state) {
        TypedQuery<SubjectRequest> query = em.createQuery("select r from SubjectRequest r"
                + (state == null ? "" : " where r.state = :s") + " order by r.dueOn, r.id", SubjectRequest.class);
        if (state != null) {
            query.setParameter("s", state);
        }
        return query.setMaxResults(1000).getResultList();
    }

    public long overdue() {
        return em.createQuery("select count(r) from SubjectRequest r where r.state = :s and r.dueOn < :today", Long.class)
                .setParameter("s", SubjectRequest.State.OPEN).setParameter("today", time.now().toLocalDate()).getSingleResult();
    }

    private void received(SubjectRequest request, Actor actor) {
        em.flush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("subscriber", request.subscriberId());
        details.put("kind", request.kind().name());
        details.put("channel", request.channel().name());
        details.put("receivedOn", request.receivedOn().toString());
        details.put("dueOn", request.dueOn().toString());
        audit.record(actor, AuditAction.SUBJECT_REQUEST_RECEIVED, "subject_request", request.id().toString(), details);
    }

    private void closed(SubjectRequest request, AuditAction action, String actor) {
        audit.record(Actor.staff(actor), action, "subject_request", request.id().toString(),
                Map.of("subscriber", request.subscriberId(), "kind", request.kind().name(),
                        "onTime", !request.handledAt().toLocalDate().isAfter(request.dueOn())));
    }
}
