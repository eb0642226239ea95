package it.filodiretto.integration.messaging;

import it.filodiretto.domain.campaign.Dispatch;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import jakarta.json.JsonNumber;

/** Sends the deliveries of normal campaigns, one batch per message (several consumers share the rate ceiling). */
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the database is the truth; a lost batch is queued again
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MessagingResources.DELIVERY_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MessagingResources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "8")
})
public class DeliveryConsumer implements MessageListener {

    @Inject
    Dispatch dispatch;

    @Override
    public void onMessage(Message message) {
        send(dispatch, JsonMessages.read(message));
    }

    static void send(Dispatch dispatch, JsonObject batch) {
        dispatch.sendBatch(batch.getJsonNumber("campaign").longValue(),
                batch.getJsonArray("deliveries").getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList());
    }
}
