package it.filodiretto.integration.messaging;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Sending and reading the application's JMS messages: JSON text, enlisted in the caller's JTA transaction
 * (the message leaves only if it commits). ActiveMQ's factory has no JMS 2.0 {@code createContext()}, hence
 * the classic API.
 */
public final class JsonMessages {

    private JsonMessages() {
    }

    public static void send(ConnectionFactory factory, Queue queue, JsonObject body, int priority) {
        send(factory, queue, body, priority, null);
    }

    /**
     * {@code group}: messages of one group are consumed one at a time and in order, by the same consumer (the
     * broker's message groups, {@code JMSXGroupID}); other groups go on in parallel.
     */
    public static void send(ConnectionFactory factory, Queue queue, JsonObject body, int priority, String group) {
        try (Connection connection = factory.createConnection();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer producer = session.createProducer(queue)) {
            producer.setPriority(priority);
            jakarta.jms.TextMessage message = session.createTextMessage(body.toString());
            if (group != null) {
                message.setStringProperty("JMSXGroupID", group);
            }
            producer.send(message);
        } catch (JMSException e) {
            throw new MessagingFailure("could not send to " + queue, e);
        }
    }

    /** The JSON body of a message; a malformed one is refused (rolled back, then dead-lettered by the broker). */
    public static JsonObject read(Message message) {
        try {
            return JSON.createReader(new StringReader(((TextMessage) message).getText())).readObject();
        } catch (JMSException | ClassCastException | JsonParsingException | NullPointerException e) {
            throw new IllegalArgumentException("malformed message", e);
        }
    }
}
