package it.filodiretto.integration.messaging;

import it.filodiretto.domain.campaign.DeliveryQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.json.JsonArrayBuilder;

import java.util.List;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Deliveries to the senders over JMS: one message per batch, {@code {"campaign":id,"deliveries":[…]}},
 * in the caller's transaction. Emergency batches go to their own queue, with their own consumers.
 */
@ApplicationScoped
public class JmsDeliveryQueue implements DeliveryQueue {

    @Resource(lookup = MessagingResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = MessagingResources.DELIVERY_QUEUE)
    Queue deliveries;

    @Resource(lookup = MessagingResources.EMERGENCY_QUEUE)
    Queue emergencies;

    @Override
    public void enqueue(long campaignId, boolean emergency, List<Long> deliveryIds) {
        JsonArrayBuilder ids = JSON.createArrayBuilder();
        deliveryIds.forEach(ids::add);
        JsonMessages.send(connectionFactory, emergency ? emergencies : deliveries,
                JSON.createObjectBuilder().add("campaign", campaignId).add("deliveries", ids).build(), emergency ? 9 : 4);
    }
}
