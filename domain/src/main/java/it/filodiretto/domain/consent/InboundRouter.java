package it.filodiretto.domain.consent;

import it.filodiretto.domain.whatsapp.InboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Routes every citizen message, in the transaction that records it: subscription commands and replies go
 * to {@link ChatSubscriptions}; anything else will go to the assistant (phase 2) and until then gets the
 * help text.
 */
@ApplicationScoped
public class InboundRouter {

    @Inject
    ChatSubscriptions subscriptions;

    void onMessage(@Observes InboundMessage message) {
        if (!subscriptions.handle(message)) {
            subscriptions.help(message);
        }
    }
}
