package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;

/**
 * Stores a batch of accepted webhook bodies and queues them for processing in one transaction: one commit
 * (and one JMS message) for the whole batch instead of one each, which is what lets the intake keep pace.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class WebhookWriter {

    @Inject
    WhatsAppEvents events;

    @Inject
    WebhookQueue queue;

    public List<Long> write(List<String> bodies) {
        List<Long> ids = events.store(bodies);
        queue.enqueue(ids);
        return ids;
    }
}
