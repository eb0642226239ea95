package it.filodiretto.integration.messaging;

import it.filodiretto.domain.system.ConnectivityService;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;

import java.io.StringReader;
import java.util.logging.Logger;

/**
 * Receives connectivity pings and marks them received, in the container transaction that consumes the
 * message. A message that cannot be parsed or processed is rolled back and redelivered, then moved by the
 * broker to its dead-letter queue.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MessagingResources.PING_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MessagingResources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "2")
})
public class PingConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PingConsumer.class.getName());

    @Inject
    ConnectivityService connectivity;

    @Override
    public void onMessage(Message message) {
        String token;
        try {
            String body = ((TextMessage) message).getText();
            JsonObject json = Json.createReader(new StringReader(body)).readObject();
            token = json.getString("token");
        } catch (JMSException | ClassCastException | JsonParsingException | NullPointerException e) {
            // Rolled back and redelivered, then parked in the broker's dead-letter queue: never dropped silently.
            LOG.warning(() -> "Malformed connectivity ping refused: " + e.getClass().getSimpleName());
            throw new IllegalArgumentException("malformed connectivity ping", e);
        }
        connectivity.markReceived(token);
    }
}
