package it.filodiretto.domain.consent;

import it.filodiretto.domain.whatsapp.InboundMessage;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One citizen message being handled: the message, the subscriber writing (locked for this transaction, if
 * known), where the replies go and the time read once the subscriber's row was locked.
 */
record ChatTurn(InboundMessage message, Optional<Subscriber> known, String to, OffsetDateTime now) {

    /** The subscriber, if active. */
    Optional<Subscriber> active() {
        return known.filter(Subscriber::isActive);
    }

    /** Nobody the city knows: never subscribed, or erased. */
    boolean isStranger() {
        return known.isEmpty() || known.get().state() == Subscriber.State.ERASED;
    }
}
