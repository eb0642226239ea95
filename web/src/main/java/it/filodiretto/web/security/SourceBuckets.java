package it.filodiretto.web.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Per-source token buckets for password checks: each source (client address) may start {@code burst} checks
 * at once, then one every {@code refillNanos}. A check takes its token <em>before</em> hashing and gives it back
 * when the password was right, so only failures use the budget, and a flood of parallel guesses costs at most
 * {@code burst} hashes. Thread-safe; bounded in memory (full buckets are forgotten when too many sources are
 * known).
 */
public final class SourceBuckets {

    private static final int MAX_SOURCES = 50_000;

    private final int burst;
    private final long refillNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public SourceBuckets(int burst, long refillNanos, LongSupplier nanoClock) {
        this.burst = Math.max(1, burst);
        this.refillNanos = Math.max(1, refillNanos);
        this.nanoClock = nanoClock;
    }

    /** Takes a token: 0 when granted, else the nanoseconds until the next token. */
    public long tryAcquire(String source) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= MAX_SOURCES) {
            forgetFull(now);
        }
        Bucket bucket = buckets.computeIfAbsent(source, s -> new Bucket(burst, now));
        synchronized (bucket) {
            refill(bucket, now);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) * refillNanos));
        }
    }

    /** Gives back the token of a check that succeeded. */
    public void release(String source) {
        Bucket bucket = buckets.get(source);
        if (bucket != null) {
            synchronized (bucket) {
                bucket.tokens = Math.min(burst, bucket.tokens + 1);
            }
        }
    }

    private void refill(Bucket bucket, long now) {
        long elapsed = now - bucket.updated;
        if (elapsed > 0) {
            bucket.tokens = Math.min(burst, bucket.tokens + (double) elapsed / refillNanos);
            bucket.updated = now;
        }
    }

    private void forgetFull(long now) {
        buckets.values().removeIf(b -> {
            synchronized (b) {
                refill(b, now);
                return b.tokens >= burst;
            }
        });
        if (buckets.size() >= MAX_SOURCES) {
            buckets.clear(); // a spread-out flood: start afresh rather than grow without bound
        }
    }
}
