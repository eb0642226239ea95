package it.filodiretto.integration.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The WhatsApp Cloud API as a readiness <em>detail</em>: always UP (an outside API being down is not a reason
 * for the load balancer to stop sending traffic here, nor for restarts), with whether it answered and the
 * number's quality rating and tier (checked at most once a minute).
 */
@Readiness
@ApplicationScoped
public class WhatsAppReadiness implements HealthCheck {

    @Inject
    WhatsAppStanding standing;

    @Override
    public HealthCheckResponse call() {
        WhatsAppStanding.Standing s = standing.current();
        return HealthCheckResponse.named("whatsapp-api").up().withData("reachable", s.reachable())
                .withData("qualityRating", s.qualityRating()).withData("messagingLimitTier", s.messagingLimitTier())
                .withData("checkedAt", s.checkedAt().toString()).build();
    }
}
