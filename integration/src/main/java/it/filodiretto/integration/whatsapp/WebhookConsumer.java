package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.whatsapp.RawWebhookEvent;
import it.filodiretto.integration.messaging.JsonMessages;
import it.filodiretto.integration.messaging.MessagingResources;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Processes stored webhooks, a batch of ids per JMS message (statuses-only webhooks of a batch together, the rest one
 * by one: WebhookProcessor). Processing never throws back at the broker: a webhook whose
 * processing fails is recorded as failed and retried later with a growing delay by {@link WebhookRecovery}, then
 * parked as dead ({@link RawWebhookEvent#MAX_FAILURES}), so a poison webhook neither loops in redelivery nor keeps
 * the consumers from fresh traffic. Each failure is logged once, with its correlation id and without stack trace.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = MessagingResources.WEBHOOK_QUEUE_NAME),
        @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = MessagingResources.RESOURCE_ADAPTER),
        @ActivationConfigProperty(propertyName = "maxSessions", propertyValue = "4")
})
public class WebhookConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WebhookConsumer.class.getName());

    @Inject
    WebhookProcessor processor;

    @Inject
    WebhookItems items;

    @Override
    public void onMessage(Message message) {
        JsonObject body = JsonMessages.read(message);
        List<Long> ids = body.containsKey("webhookEvents")
                ? body.getJsonArray("webhookEvents").getValuesAs(JsonNumber.class).stream().map(JsonNumber::longValue).toList()
                : List.of(body.getJsonNumber("webhookEvent").longValue()); // queued by an earlier version
        (ids.size() > 1 ? processor.applyStatusesTogether(ids) : ids).forEach(this::process);
    }

    private void process(long id) {
        try {
            processor.process(id);
        } catch (RuntimeException e) {
            String reason = WebhookProcessor.describe(e);
            boolean dead = items.failed(id, reason);
            LOG.warning(
                    () -> "Webhook " + id + (dead ? " failed too often and is now dead (WhatsApp console): " : " failed, retried later: ")
                            + reason + " [webhook-" + id + "]");
            LOG.log(Level.FINE, "webhook " + id, e);
        }
    }
}
