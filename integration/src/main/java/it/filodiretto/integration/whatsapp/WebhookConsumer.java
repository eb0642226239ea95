package it.filodiretto.integration.whatsapp;

import it.filodiretto.integration.messaging.JsonMessages;
import it.filodiretto.integration.messaging.MessagingResources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Processes stored webhooks, one JMS message each, in the container's transaction. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MessagingResources.WEBHOOK_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MessagingResources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4")
})
public class WebhookConsumer implements MessageListener {

    @Inject
    WebhookProcessor processor;

    @Override
    public void onMessage(Message message) {
        processor.process(JsonMessages.read(message).getJsonNumber("webhookEvent").longValue());
    }
}
