package it.filodiretto.integration.api;

import it.filodiretto.integration.system.ChannelGauges;
import it.filodiretto.integration.system.ChannelMetrics;
import it.filodiretto.integration.whatsapp.WhatsAppStanding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;

/** The figures of the console's status page (the same the metrics endpoint serves). */
@ApplicationScoped
public class SystemStatus {

    /** Counts since the server started and current gauges. */
    public record Figures(long sent, Map<String, Long> refusedByCode, Map<String, Long> webhooksByOutcome,
            Map<String, Long> answersByMode, long queueDepth, int rateCeiling, long openHandoffs,
            boolean whatsappReachable, String qualityRating, String messagingLimitTier, String throughput) {
    }

    @Inject
    ChannelMetrics metrics;

    @Inject
    ChannelGauges gauges;

    @Inject
    WhatsAppStanding standing;

    public Figures figures() {
        WhatsAppStanding.Standing number = standing.current();
        return new Figures(metrics.sentCount(), metrics.refusedByCode(), metrics.webhooksByOutcome(), metrics.answersByMode(),
                gauges.queueDepth(), gauges.rateCeiling(), gauges.openHandoffs(), number.reachable(), number.qualityRating(),
                number.messagingLimitTier(), number.throughput());
    }
}
