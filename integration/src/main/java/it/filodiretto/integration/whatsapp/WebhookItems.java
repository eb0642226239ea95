package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.InboundMessage;
import it.filodiretto.domain.whatsapp.PreferenceUpdate;
import it.filodiretto.domain.whatsapp.StatusUpdate;
import it.filodiretto.domain.whatsapp.WebhookRejection;
import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/**
 * Each item of a webhook in a transaction of its own: one that fails (a value the database refuses, a feature
 * that throws) is rolled back alone and recorded as rejected, and neither the other items nor the webhook are
 * lost with it. Recording an item twice changes nothing, so a webhook processed again is safe.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookItems {

    @Inject
    WhatsAppEvents events;

    public void receive(InboundMessage message) {
        events.receive(message);
    }

    public void status(StatusUpdate status) {
        events.status(status);
    }

    /** Many webhooks' statuses at once (WebhookProcessor#applyStatusesTogether), and those webhooks marked processed. */
    public void statuses(List<StatusUpdate> statuses, List<Long> rawEventIds, Set<Long> forget) {
        statuses.forEach(events::status);
        events.processed(rawEventIds.stream().filter(id -> !forget.contains(id)).toList());
        forget.forEach(events::forget);
    }

    public void preference(PreferenceUpdate preference) {
        events.preference(preference);
    }

    public void reject(long rawEventId, WebhookRejection.Item item, String reason) {
        events.reject(rawEventId, item, reason);
    }

    public void processed(long rawEventId, boolean forget) {
        if (forget) {
            events.forget(rawEventId);
        } else {
            events.processed(rawEventId);
        }
    }

    /** @return whether the webhook is now dead */
    public boolean failed(long rawEventId, String reason) {
        return events.failed(rawEventId, reason);
    }
}
