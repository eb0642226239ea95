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
 * minutes (a message lost by a broker crash, or one parked in the dead-letter queue), at most
 * {@value #MAX_REQUEUES} times; what still fails stays visible in the readiness data (pendingWebhooks).
 * Safe because processing records each event once.
 */
@Singleton
public class WebhookRecovery {

    private static final Logger LOG = Logger.getLogger(WebhookRecovery.class.getName());
    static final int BATCH = 500;
    /** A webhook that failed this many rounds is a poison event: left unprocessed for a person to look at. */
    static final int MAX_REQUEUES = 5;

    @Inject
    WhatsAppEvents events;

    @Inject
    WebhookQueue queue;

    @Inject
    TimeSource time;

    @Schedule(hour = "*", minute = "*", second = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void requeueStale() {
        List<Long> stale = events.requeueStale(time.now().minusMinutes(2), MAX_REQUEUES, BATCH);
        stale.forEach(queue::enqueue);
        if (!stale.isEmpty()) {
            LOG.warning(() -> stale.size() + " stored webhook(s) were still unprocessed after 2 minutes: queued again");
        }
    }
}
