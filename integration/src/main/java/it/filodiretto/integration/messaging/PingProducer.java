package it.filodiretto.integration.messaging;

import it.filodiretto.domain.system.port.PingSender;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;

import static it.filodiretto.domain.common.Jsons.JSON;

/** Sends a connectivity ping as a JSON text message, in the caller's JTA transaction. */
@ApplicationScoped
public class PingProducer implements PingSender {

    @Resource(lookup = MessagingResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = MessagingResources.PING_QUEUE)
    Queue queue;

    @Override
    public void send(String token) {
        JsonMessages.send(connectionFactory, queue, JSON.createObjectBuilder().add("token", token).build(), 4);
    }
}
