package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import it.filodiretto.domain.common.ServerInstance;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every five seconds, over the database (so nothing is lost with a restart): starts campaigns whose time has
 * come (normal ones wait for the end of quiet hours), queues again the deliveries of campaigns that had to
 * wait, and closes campaigns with nothing pending. On its first tick after a start it recovers what a crash
 * left in flight; every 30 s it reconciles statuses that raced past their delivery and queues again the
 * deliveries of a campaign that has not moved for a minute (a lost batch), after taking back claims left
 * without an outcome for three minutes (their sender is gone; flagged as possible duplicates). Each step runs in its own
 * transaction; a failing one is logged and retried next tick.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CampaignClock {

    private static final Logger LOG = Logger.getLogger(CampaignClock.class.getName());

    @Inject
    Dispatch dispatch;

    @Inject
    DeliveryLedger ledger;

    @Inject
    Campaigns campaigns;

    @Inject
    TimeSource time;

    private final AtomicBoolean recovered = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long reconciledAt;
    private final OffsetDateTime startedAt = OffsetDateTime.now();

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "campaign clock")
    public void tick() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous tick is still at work
        }
        try {
            run();
        } finally {
            running.set(false);
        }
    }

    void run() {
        OffsetDateTime now = time.now();
        // after every live server has beaten at least once since this start (they beat every five seconds)
        if (!recovered.get() && now.isAfter(startedAt.plusSeconds(ServerInstance.ALIVE_SECONDS - 5))) {
            step("recovery", () -> dispatch.recover(startedAt));
            recovered.set(true);
        }
        for (Long id : dispatch.due(now)) {
            step("start " + id, () -> {
                OffsetDateTime allowed = dispatch.isEmergency(id) ? now
                        : campaigns.quietHours().map(q -> q.nextAllowed(now)).orElse(now);
                if (allowed.isAfter(now)) {
                    dispatch.postpone(id, allowed);
                } else {
                    dispatch.start(id, "system");
                }
            });
        }
        for (Long id : dispatch.waitingForRequeue(now)) {
            step("requeue " + id, () -> dispatch.requeue(id));
        }
        for (Long id : dispatch.sending()) {
            step("finish " + id, () -> ledger.finishIfDone(id));
        }
        if (reconciledAt == 0 || System.nanoTime() - reconciledAt > java.util.concurrent.TimeUnit.SECONDS.toNanos(30)) {
            reconciledAt = System.nanoTime();
            for (Long id : dispatch.recentlyActive(now)) {
                step("reconcile " + id, () -> ledger.reconcile(id));
            }
            step("abandoned claims", () -> {
                int abandoned = dispatch.resetClaimsOfGoneServers(now.minusSeconds(ServerInstance.ALIVE_SECONDS))
                        + dispatch.resetClaimsBefore(now.minusMinutes(3));
                if (abandoned > 0) {
                    LOG.warning(() -> abandoned
                            + " deliveries claimed by a server that is gone, or more than 3 minutes ago, without an outcome: queued again, flagged");
                }
            });
            for (Long id : dispatch.stalled(now)) {
                LOG.warning(() -> "campaign " + id + ": queued deliveries but nothing sent for a minute; queued again");
                step("stalled " + id, () -> dispatch.requeue(id));
            }
        }
    }

    private static void step(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "campaign clock: " + what + " failed, retried at the next tick", e);
        }
    }
}
