package it.filodiretto.integration.messaging;

import it.filodiretto.domain.campaign.Dispatch;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Sends emergency alerts from their own queue, so they never wait behind normal campaigns. */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the database is the truth; a lost batch is queued again
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MessagingResources.EMERGENCY_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MessagingResources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "8")
})
public class EmergencyDeliveryConsumer implements MessageListener {

    @Inject
    Dispatch dispatch;

    @Override
    public void onMessage(Message message) {
        DeliveryConsumer.send(dispatch, JsonMessages.read(message));
    }
}
