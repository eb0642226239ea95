package it.filodiretto.integration.whatsapp;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;

/**
 * The ceiling on messages per second, shared by every sender in this server. Sends are paced (at least
 * 1/N s apart, 1.5 % wider so that the receiver's view stays under N despite scheduling jitter, with no
 * catch-up burst after a pause), and a sliding window over the last N send times guarantees that no window
 * of one second ever holds more than N. Callers wait their turn in arrival order. On WhatsApp's
 * "throughput reached" (130429) the effective rate halves and then climbs back by a tenth each second
 * without another one, so the engine slows down instead of hammering. A rate of 0 means no ceiling (the
 * benchmark's "unlimited").
 */
@ApplicationScoped
public class SendRateLimiter {

    private static final Logger LOG = Logger.getLogger(SendRateLimiter.class.getName());
    static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);
    static final double SPACING_SLACK = 1.015;
    static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    @Inject
    @ConfigProperty(name = "filodiretto.dispatch.rate-per-second", defaultValue = "80")
    int configuredRate;

    private final ReentrantLock lock = new ReentrantLock(true);
    private long[] sends = new long[0];
    private int next;
    /** When the next send is due on the pacing schedule (0: no schedule yet). */
    private long due;
    private int effectiveRate;
    private long lastSlowDown;
    private long lastRecovery;

    @PostConstruct
    void init() {
        reset(configuredRate);
    }

    /** Sets the ceiling (messages per second; 0 = none). */
    public void reset(int rate) {
        lock.lock();
        try {
            int ceiling = Math.max(0, Math.min(rate, 10_000));
            sends = new long[ceiling];
            next = 0;
            due = 0;
            effectiveRate = ceiling;
            lastSlowDown = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until one more send keeps every one-second window within the current rate. */
    public void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            if (sends.length == 0) {
                return;
            }
            recover(System.nanoTime());
            long spacing = (long) (WINDOW_NANOS * SPACING_SLACK / effectiveRate);
            while (true) {
                long now = System.nanoTime();
                if (due == 0 || now - due > MAX_LAG_NANOS) {
                    due = now; // idle for a while: a new schedule, no catch-up burst
                }
                // on the pacing schedule (a late sender catches up at most MAX_LAG), and the send
                // `effectiveRate` places back older than the window
                int back = (next - effectiveRate + sends.length) % sends.length;
                long oldest = sends[back];
                long wait = Math.max(due - now, oldest == 0 ? 0 : oldest + WINDOW_NANOS - now);
                if (wait <= 0) {
                    sends[next] = now;
                    next = (next + 1) % sends.length;
                    due += spacing;
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        } finally {
            lock.unlock();
        }
    }

    /** WhatsApp said "throughput reached": halve the rate for now. */
    public void slowDown() {
        lock.lock();
        try {
            if (sends.length == 0) {
                return;
            }
            long now = System.nanoTime();
            if (now - lastSlowDown > TimeUnit.MILLISECONDS.toNanos(500)) {
                effectiveRate = Math.max(1, effectiveRate / 2);
                lastSlowDown = now;
                lastRecovery = now;
                LOG.warning(() -> "WhatsApp throughput reached (130429): sending slowed to " + effectiveRate + "/s");
            }
        } finally {
            lock.unlock();
        }
    }

    private void recover(long now) {
        if (effectiveRate < sends.length && now - lastRecovery > TimeUnit.SECONDS.toNanos(1)) {
            effectiveRate = Math.min(sends.length, Math.max(effectiveRate + 1, (int) (effectiveRate * 1.1)));
            lastRecovery = now;
        }
    }

    public int effectiveRate() {
        return effectiveRate;
    }

    public int ceiling() {
        return sends.length;
    }
}
