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
 * minutes (a message lost by a broker crash) and any whose failure's delay is over (RawWebhookEvent#failed);
 * dead ones wait for a person (WhatsApp console). Safe because processing records each event once.
 */
@Singleton
public class WebhookRecovery {

    private static final Logger LOG = Logger.getLogger(WebhookRecovery.class.getName());
    static final int BATCH = 500;
    /** A webhook queued again this many times without being processed or failing stays for a person to look at. */
    static final int MAX_REQUEUES = 10;

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
        queue.enqueue(stale);
        if (!stale.isEmpty()) {
            LOG.warning(() -> stale.size() + " stored webhook(s) were still unprocessed after 2 minutes: queued again");
        }
    }
}
