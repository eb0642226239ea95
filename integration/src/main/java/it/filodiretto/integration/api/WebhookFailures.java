package it.filodiretto.integration.api;

import it.filodiretto.domain.whatsapp.RawWebhookEvent;
import it.filodiretto.domain.whatsapp.WebhookRejection;
import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import it.filodiretto.integration.whatsapp.WebhookQueue;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.util.List;

/**
 * What the WhatsApp console shows of webhooks that could not be used: items rejected with their reason, webhooks
 * dead after repeated failures; and the administrator's retry of a dead one (queued again at once).
 */
@Stateless
public class WebhookFailures {

    @Inject
    WhatsAppEvents events;

    @Inject
    WebhookQueue queue;

    public List<WebhookRejection> rejections(int max) {
        return events.recentRejections(max);
    }

    public List<RawWebhookEvent> dead(int max) {
        return events.dead(max);
    }

    /** @return false when there is no such unprocessed webhook */
    public boolean retry(long webhookEventId) {
        if (!events.revive(webhookEventId)) {
            return false;
        }
        queue.enqueue(webhookEventId);
        return true;
    }
}
