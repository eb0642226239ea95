package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.common.Correlation;
import it.filodiretto.domain.whatsapp.ErrorClass;
import it.filodiretto.domain.whatsapp.SendResult;
import it.filodiretto.integration.messaging.JsonMessages;
import it.filodiretto.integration.messaging.MessagingResources;
import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;

import java.util.logging.Logger;

/**
 * Sends the queued replies to citizens once the transaction that wrote them has committed. A reply WhatsApp
 * refuses for a while (after the client's own retries) goes back to the broker for a later delivery — a few
 * times, then its dead-letter queue; the refusal is logged once by the gateway, without stack trace.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MessagingResources.REPLY_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MessagingResources.RESOURCE_ADAPTER),
        // one session: the broker hands the replies over one at a time, in the order they were written (with several
        // sessions the resource adapter may send a citizen's second reply before the first); each server has its
        // own consumer, and the citizen's number as message group keeps one citizen's replies on one of them
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "1")
})
public class ReplyConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ReplyConsumer.class.getName());
    /** Deliveries of one reply, the first included, before it is left to the dead-letter queue. */
    static final int MAX_DELIVERIES = 3;

    @Inject
    CloudApiGateway gateway;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        JsonObject reply = JsonMessages.read(message);
        String correlation;
        try {
            correlation = "reply-" + message.getJMSMessageID();
        } catch (JMSException e) {
            correlation = "reply";
        }
        try (Correlation.Scope scope = Correlation.open(correlation)) {
            SendResult result = gateway.send(reply.getJsonObject("payload"), reply.getString("to"), reply.getBoolean("marketing", false));
            if (result instanceof SendResult.Refused refused && refused.errorClass() == ErrorClass.TRANSIENT && !refused.outcomeUnknown()
                    && deliveries(message) < MAX_DELIVERIES) {
                context.setRollbackOnly(); // the broker delivers it again later
            }
        }
    }

    private static int deliveries(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException e) {
            return MAX_DELIVERIES;
        }
    }
}
