package it.filodiretto.integration.whatsapp;

import it.filodiretto.integration.messaging.JsonMessages;
import it.filodiretto.integration.messaging.MessagingResources;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;

import static it.filodiretto.domain.common.Jsons.JSON;

/** Hands a stored webhook to asynchronous processing, in the transaction that stored it. */
@ApplicationScoped
public class WebhookQueue {

    @Resource(lookup = MessagingResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = MessagingResources.WEBHOOK_QUEUE)
    Queue queue;

    public void enqueue(long rawEventId) {
        JsonMessages.send(connectionFactory, queue, JSON.createObjectBuilder().add("webhookEvent", rawEventId).build(), 4);
    }
}
