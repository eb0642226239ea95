package it.filodiretto.integration.whatsapp;

import it.filodiretto.domain.consent.SubscriberErased;
import it.filodiretto.domain.whatsapp.WhatsAppEvents;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * Closes the one window the erasure cannot close in its own transaction: a webhook about the citizen that was
 * being processed while the erasure ran decided to keep its raw copy (the number was not suppressed yet) and
 * committed after the erasure had removed the processed ones. After the erasure commits, the raw copies that
 * mention the citizen are removed again at once, after {@value #SOON_MS} ms and after {@value #LATE_MS} ms; a
 * webhook processed after the commit sees the suppression and keeps nothing. The identifiers live only in
 * memory, in non-persistent timers: nothing of the citizen is written down to remember them.
 */
@Singleton
public class ErasureFollowUp {

    private static final Logger LOG = Logger.getLogger(ErasureFollowUp.class.getName());
    static final long SOON_MS = 5_000;
    static final long LATE_MS = 60_000;

    @Resource
    TimerService timers;

    @Inject
    WhatsAppEvents events;

    public void erased(@Observes(during = TransactionPhase.AFTER_SUCCESS) SubscriberErased erased) {
        ArrayList<String> ids = new ArrayList<>(erased.identifiers());
        for (long delay : new long[]{1, SOON_MS, LATE_MS}) {
            timers.createSingleActionTimer(delay, new TimerConfig(ids, false));
        }
    }

    @Timeout
    void sweep(Timer timer) {
        Serializable info = timer.getInfo();
        if (info instanceof List<?> ids) {
            int removed = events.forgetProcessedMentioning(ids.stream().map(String::valueOf).toList());
            if (removed > 0) {
                LOG.info(() -> removed + " raw webhook(s) processed during an erasure removed afterwards");
            }
        }
    }
}
