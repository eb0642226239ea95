package it.filodiretto.domain.assistant;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.MessageCategory;
import it.filodiretto.domain.whatsapp.OutboundMessage;
import it.filodiretto.domain.whatsapp.SendResult;
import it.filodiretto.domain.whatsapp.WhatsAppGateway;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operators' side of the channel: the inbox of open handoffs, the conversation's history, replies sent
 * through WhatsApp inside the 24-hour window, and closing (the assistant answers again). Audited without
 * texts: who, which handoff, how long the reply was.
 */
@Stateless
public class Handoffs {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    @Inject
    WhatsAppGateway gateway;

    public static final int MAX_REPLY = 4096;

    /** Opens a handoff for the citizen, or returns the one already open. */
    public Handoff open(Citizen citizen, Handoff.Reason reason) {
        Optional<Handoff> open = openFor(citizen.address());
        if (open.isPresent()) {
            return open.get();
        }
        Handoff handoff = new Handoff(citizen, reason, time.now());
        em.persist(handoff);
        em.flush();
        audit.record(Actor.SYSTEM, AuditAction.HANDOFF_OPENED, "handoff", handoff.id().toString(), Map.of("reason", reason.name()));
        return handoff;
    }

    public Optional<Handoff> openFor(String address) {
        return em.createQuery("select h from Handoff h where h.address = :a and h.state <> :closed order by h.id desc", Handoff.class)
                .setParameter("a", address).setParameter("closed", Handoff.State.CLOSED).setMaxResults(1)
                .getResultList().stream().findFirst();
    }

    /** Open handoffs, oldest first (the longest-waiting citizen at the top). */
    public List<Handoff> inbox() {
        return em.createQuery("select h from Handoff h where h.state <> :closed order by h.openedAt", Handoff.class)
                .setParameter("closed", Handoff.State.CLOSED).setMaxResults(500).getResultList();
    }

    public Handoff handoff(long id) {
        Handoff h = em.find(Handoff.class, id);
        if (h == null) {
            throw new DomainException(DomainError.HANDOFF_NOT_FOUND);
        }
        return h;
    }

    /** The citizen's last {@code max} exchanges, oldest first. */
    public List<Exchange> history(String address, int max) {
        List<Exchange> list = new ArrayList<>(
                em.createQuery("select e from Exchange e where e.address = :a order by e.occurredAt desc, e.id desc",
                        Exchange.class).setParameter("a", address).setMaxResults(max).getResultList());
        Collections.reverse(list);
        return list;
    }

    public Handoff claim(long id, String operator) {
        Handoff h = em.find(Handoff.class, id, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        if (h == null) {
            throw new DomainException(DomainError.HANDOFF_NOT_FOUND);
        }
        if (h.state() == Handoff.State.ACTIVE && !operator.equals(h.operator())) {
            throw new DomainException(DomainError.HANDOFF_TAKEN, h.operator());
        }
        h.claim(operator);
        audit.record(Actor.staff(operator), AuditAction.HANDOFF_CLAIMED, "handoff", h.id().toString());
        return h;
    }

    /** Sends the operator's reply to the citizen; refused outside the 24-hour window or when WhatsApp refuses it. */
    public Exchange reply(long id, String operator, String text) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty()) {
            throw new DomainException(DomainError.HANDOFF_REPLY_REQUIRED);
        }
        if (body.length() > MAX_REPLY) {
            throw new DomainException(DomainError.HANDOFF_REPLY_TOO_LONG, MAX_REPLY);
        }
        Handoff h = handoff(id);
        OffsetDateTime now = time.now();
        h.replied(operator, now);
        SendResult result = gateway.send(new OutboundMessage.Text(h.address(), body), MessageCategory.UTILITY);
        if (result instanceof SendResult.Refused refused) {
            throw new DomainException(DomainError.HANDOFF_REPLY_REFUSED, refused.title());
        }
        Exchange e = new Exchange(h.citizen(), h.id(), Exchange.Kind.FROM_OPERATOR, null, null, body, null, null, null, operator, now);
        em.persist(e);
        audit.record(Actor.staff(operator), AuditAction.HANDOFF_REPLIED, "handoff", h.id().toString(), Map.of("length", body.length()));
        return e;
    }

    /** Closes the handoff; the citizen is told (when the window allows) that the assistant answers again. */
    public Handoff close(long id, String operator) {
        Handoff h = handoff(id);
        OffsetDateTime now = time.now();
        h.close(operator, now);
        if (h.isWindowOpen(now)) {
            String notice = AssistantTexts.text("it", "handoffClosed");
            gateway.send(new OutboundMessage.Text(h.address(), notice), MessageCategory.UTILITY);
            em.persist(new Exchange(h.citizen(), h.id(), Exchange.Kind.NOTICE, null, null, notice, null, null, null, operator, now));
        }
        audit.record(Actor.staff(operator), AuditAction.HANDOFF_CLOSED, "handoff", h.id().toString(),
                Map.of("reason", h.reason().name(), "answered", h.firstReplyAt() != null));
        return h;
    }
}
