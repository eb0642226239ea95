package it.filodiretto.domain.assistant;

import it.filodiretto.domain.consent.ChatSubscriptions;
import it.filodiretto.domain.whatsapp.InboundMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Routes every citizen message, in the transaction that records it: subscription commands and replies go
 * to {@link ChatSubscriptions}; anything else to the {@link Assistant} (or, with the assistant switched off by
 * {@code filodiretto.assistant.enabled=false}, gets the list of commands).
 */
@ApplicationScoped
public class InboundRouter {

    @Inject
    ChatSubscriptions subscriptions;

    @Inject
    Assistant assistant;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.enabled", defaultValue = "true")
    boolean enabled;

    void onMessage(@Observes InboundMessage message) {
        if (subscriptions.handle(message)) {
            return;
        }
        if (enabled) {
            assistant.handle(message);
        } else {
            subscriptions.sendHelp(message);
        }
    }
}
