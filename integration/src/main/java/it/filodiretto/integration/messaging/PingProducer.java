package it.filodiretto.integration.messaging;

import it.filodiretto.domain.system.port.PingSender;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.json.Json;

/**
 * Sends a connectivity ping as a JSON text message. The connection is enlisted in the caller's JTA
 * transaction: the message leaves only if that transaction commits. (ActiveMQ's factory does not
 * implement JMS 2.0 {@code createContext()}, hence the classic API.)
 */
@ApplicationScoped
public class PingProducer implements PingSender {

    @Resource(lookup = MessagingResources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(lookup = MessagingResources.PING_QUEUE)
    Queue queue;

    @Override
    public void send(String token) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
             MessageProducer producer = session.createProducer(queue)) {
            producer.send(session.createTextMessage(Json.createObjectBuilder().add("token", token).build().toString()));
        } catch (JMSException e) {
            throw new MessagingFailure("could not send the connectivity ping", e);
        }
    }
}
