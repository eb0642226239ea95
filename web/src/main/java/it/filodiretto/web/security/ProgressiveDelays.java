package it.filodiretto.web.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Progressive delays per (source, account), replacing a hard account lock that anyone could trigger to keep
 * {@code admin} out everywhere: after {@code freeFailures} wrong passwords from one address for one account,
 * that address must wait before trying that account again, twice as long after every further failure, up to
 * {@code maxDelay}. The right password from another address is never delayed. A success from the address
 * clears its record. Thread-safe; bounded in memory.
 */
public final class ProgressiveDelays {

    private static final int MAX_KEYS = 50_000;

    private final int freeFailures;
    private final long firstDelayNanos;
    private final long maxDelayNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Record> records = new ConcurrentHashMap<>();

    private record Record(int failures, long notBefore, long lastFailure) {
    }

    public ProgressiveDelays(int freeFailures, long firstDelayNanos, long maxDelayNanos, LongSupplier nanoClock) {
        this.freeFailures = Math.max(1, freeFailures);
        this.firstDelayNanos = Math.max(1, firstDelayNanos);
        this.maxDelayNanos = Math.max(this.firstDelayNanos, maxDelayNanos);
        this.nanoClock = nanoClock;
    }

    /** 0 when this source may try this account now, else the nanoseconds to wait. */
    public long waitFor(String source, String account) {
        Record r = records.get(key(source, account));
        if (r == null) {
            return 0;
        }
        long left = r.notBefore() - nanoClock.getAsLong();
        return Math.max(0, left);
    }

    /** Counts a wrong password of this source for this account; returns the delay now imposed (0: none yet). */
    public long failed(String source, String account) {
        long now = nanoClock.getAsLong();
        if (records.size() >= MAX_KEYS) {
            records.values().removeIf(r -> now - r.lastFailure() > maxDelayNanos * 2);
            if (records.size() >= MAX_KEYS) {
                records.clear();
            }
        }
        Record updated = records.compute(key(source, account), (k, r) -> {
            // a record idle for twice the longest delay starts afresh
            int failures = r == null || now - r.lastFailure() > maxDelayNanos * 2 ? 1 : r.failures() + 1;
            return new Record(failures, now + delay(failures), now);
        });
        return updated.notBefore() - now;
    }

    public void succeeded(String source, String account) {
        records.remove(key(source, account));
    }

    private long delay(int failures) {
        int over = failures - freeFailures;
        if (over < 0) {
            return 0;
        }
        long d = firstDelayNanos << Math.min(over, 30);
        return d <= 0 || d > maxDelayNanos ? maxDelayNanos : d;
    }

    private static String key(String source, String account) {
        return source + '\u0000' + account;
    }
}
