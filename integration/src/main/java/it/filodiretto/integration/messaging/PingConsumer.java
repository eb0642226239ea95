package it.filodiretto.integration.messaging;

import it.filodiretto.domain.system.ConnectivityService;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

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

    @Inject
    ConnectivityService connectivity;

    @Override
    public void onMessage(Message message) {
        connectivity.markReceived(JsonMessages.read(message).getString("token"));
    }
}
