package it.filodiretto.integration.sandbox;

import it.filodiretto.integration.whatsapp.SandboxSwitch;
import it.filodiretto.integration.whatsapp.WhatsAppSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Whether the sandbox gateway runs. DOWN when it was switched on where it may be production (a real access
 * token, a database other than H2) without {@code filodiretto.sandbox.i-know-this-is-not-production}: the
 * sandbox then stays off and the reason is in the data, so a load balancer sends nothing here until an
 * operator decides. Not a liveness matter: restarting would not change the configuration.
 */
@Readiness
@ApplicationScoped
public class SandboxReadiness implements HealthCheck {

    @Inject
    WhatsAppSettings settings;

    @Inject
    @ConfigProperty(name = SandboxSwitch.NOT_PRODUCTION, defaultValue = "false")
    boolean acknowledged;

    @Override
    public HealthCheckResponse call() {
        SandboxSwitch sandbox = settings.sandbox();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("sandbox").status(sandbox.refusal().isEmpty())
                .withData("requested", sandbox.requested()).withData("active", sandbox.active());
        if (sandbox.active() && acknowledged) {
            response.withData("notProductionAcknowledged", true);
        }
        sandbox.refusal().ifPresent(reason -> response.withData("reason", reason));
        return response.build();
    }
}
