package it.filodiretto.integration.api;

/**
 * The sandbox's injected faults (rates between 0 and 1, latency in ms), its throughput limit in messages
 * per second (429 with code 130429 above it), {@code failNext}: that many next requests fail with 503, for
 * deterministic tests of retries, and {@code loseAnswerTo}: the next send to that number (digits, no '+') is
 * accepted (the phone gets it) but its answer comes too late for the client ({@value #LOST_ANSWER_DELAY_MS} ms),
 * like an answer lost on the way back; null for none.
 */
public record FaultSettings(double serverErrorRate, double rateLimitRate, long latencyMs, double timeoutRate,
        double permanentErrorRate, int maxMessagesPerSecond, int failNext, String loseAnswerTo) {

    /** Longer than the client's 10-second timeout of a send. */
    public static final long LOST_ANSWER_DELAY_MS = 12_000;
}
