package it.filodiretto.integration.api;

/**
 * The sandbox's injected faults (rates between 0 and 1, latency in ms), its throughput limit in messages
 * per second (429 with code 130429 above it), and {@code failNext}: that many next requests fail with 503,
 * for deterministic tests of retries.
 */
public record FaultSettings(double serverErrorRate, double rateLimitRate, long latencyMs, double timeoutRate,
                            double permanentErrorRate, int maxMessagesPerSecond, int failNext) {
}
