package it.filodiretto.integration.whatsapp;

import it.filodiretto.integration.messaging.JsonMessages;
import it.filodiretto.integration.messaging.MessagingResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.json.JsonArrayBuilder;

import java.util.List;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Hands stored webhooks to asynchronous processing, in the transaction that stored them: one JMS message
 * {@code {"webhookEvents":[ids]}} for a whole group-committed batch (WebhookBatcher), at most {@link #CHUNK}
 * ids per message so that one message never holds a consumer for long.
 */
@ApplicationScoped
public class WebhookQueue {

    static final int CHUNK = 100;

    @Resource(lookup = MessagingResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = MessagingResources.WEBHOOK_QUEUE)
    Queue queue;

    public void enqueue(long rawEventId) {
        enqueue(List.of(rawEventId));
    }

    public void enqueue(List<Long> rawEventIds) {
        for (int from = 0; from < rawEventIds.size(); from += CHUNK) {
            JsonArrayBuilder ids = JSON.createArrayBuilder();
            rawEventIds.subList(from, Math.min(rawEventIds.size(), from + CHUNK)).forEach(ids::add);
            JsonMessages.send(connectionFactory, queue, JSON.createObjectBuilder().add("webhookEvents", ids).build(), 4);
        }
    }
}
