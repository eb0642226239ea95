package it.filodiretto.domain.system;

/** What the self-test found: the broker round trip and the outbound retry. */
public record SelfTestReport(boolean messagingOk, long messagingRoundTripMillis, String messagingError,
        boolean faultToleranceOk, int faultToleranceAttempts, String faultToleranceError) {

    public boolean ok() {
        return messagingOk && faultToleranceOk;
    }
}
