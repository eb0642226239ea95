package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.util.List;
import java.util.logging.Logger;

/**
 * Every minute, hands again to processing any acknowledged webhook that is still unprocessed after two
 * minutes (a message lost by a broker crash, or one parked in the dead-letter queue after a fixed bug).
 * Safe because processing records each event once.
 */
@Singleton
public class WebhookRecovery {

    private static final Logger LOG = Logger.getLogger(WebhookRecovery.class.getName());
    static final int BATCH = 500;

    @Inject
    WhatsAppEvents events;

    @Inject
    WebhookQueue queue;

    @Inject
    TimeSource time;

    @Schedule(hour = "*", minute = "*", second = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void requeueStale() {
        List<Long> stale = events.unprocessedBefore(time.now().minusMinutes(2), BATCH);
        stale.forEach(queue::enqueue);
        if (!stale.isEmpty()) {
            LOG.warning(() -> stale.size() + " stored webhook(s) were still unprocessed after 2 minutes: queued again");
        }
    }
}
