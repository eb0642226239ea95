package it.filodiretto.integration.sandbox;

import it.filodiretto.integration.api.FaultSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.concurrent.ThreadLocalRandom;

/**
 * The sandbox's injected faults (rates between 0 and 1, latency in ms) and its throughput limit, like
 * Meta's per-number limit: above it the sandbox answers 429 with code 130429.
 */
@ApplicationScoped
public class SandboxFaults {

    @Inject
    @ConfigProperty(name = "filodiretto.sandbox.max-messages-per-second", defaultValue = "1000")
    int configuredLimit;

    private volatile FaultSettings settings;
    private final java.util.concurrent.atomic.AtomicInteger failNext = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicReference<String> loseAnswerTo = new java.util.concurrent.atomic.AtomicReference<>();
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();
    private long windowSecond;
    private int inWindow;

    @PostConstruct
    void init() {
        settings = new FaultSettings(0, 0, 0, 0, 0, configuredLimit, 0, null);
        failNext.set(0);
        loseAnswerTo.set(null);
    }

    public FaultSettings get() {
        FaultSettings s = settings;
        return new FaultSettings(s.serverErrorRate(), s.rateLimitRate(), s.latencyMs(), s.timeoutRate(),
                s.permanentErrorRate(), s.maxMessagesPerSecond(), failNext.get(), loseAnswerTo.get());
    }

    /** Counts a request; true when it must fail because of {@code failNext}. */
    boolean countAndForceFailure() {
        requests.incrementAndGet();
        return failNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /** True (once) when the answer to this accepted send to {@code to} must come too late ({@code loseAnswerTo}). */
    boolean loseThisAnswer(String to) {
        String target = loseAnswerTo.get();
        return target != null && target.equals(to) && loseAnswerTo.compareAndSet(target, null); // the same instance: once
    }

    /** How many send requests the sandbox has received since start. */
    public long requests() {
        return requests.get();
    }

    public FaultSettings set(FaultSettings requested) {
        settings = new FaultSettings(rate(requested.serverErrorRate()), rate(requested.rateLimitRate()),
                Math.max(0, Math.min(60_000, requested.latencyMs())), rate(requested.timeoutRate()),
                rate(requested.permanentErrorRate()),
                requested.maxMessagesPerSecond() <= 0 ? configuredLimit : requested.maxMessagesPerSecond(), 0, null);
        failNext.set(Math.max(0, Math.min(1000, requested.failNext())));
        String lose = requested.loseAnswerTo() == null ? null : requested.loseAnswerTo().replaceAll("[^0-9]", "");
        loseAnswerTo.set(lose == null || lose.isEmpty() ? null : lose);
        return get();
    }

    /** Counts one request against the limit of the current second; false when over it. */
    public synchronized boolean admit() {
        long second = System.currentTimeMillis() / 1000;
        if (second != windowSecond) {
            windowSecond = second;
            inWindow = 0;
        }
        if (inWindow >= settings.maxMessagesPerSecond()) {
            return false;
        }
        inWindow++;
        return true;
    }

    static boolean roll(double rate) {
        return rate > 0 && ThreadLocalRandom.current().nextDouble() < rate;
    }

    private static double rate(double value) {
        if (Double.isNaN(value)) {
            return 0;
        }
        return Math.max(0, Math.min(1, value));
    }
}
