package it.filodiretto.integration.system;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Alive while the JVM has memory to work with. Deliberately ignores the database, the broker and the
 * WhatsApp API: an outside service being down must not make an orchestrator restart the application.
 */
@Liveness
@ApplicationScoped
public class ApplicationLiveness implements HealthCheck {

    @Override
    public HealthCheckResponse call() {
        Runtime runtime = Runtime.getRuntime();
        long used = runtime.totalMemory() - runtime.freeMemory();
        long max = runtime.maxMemory();
        boolean ok = used < max * 0.98;
        return HealthCheckResponse.named("application").status(ok)
                .withData("heapUsedMb", used / (1024 * 1024))
                .withData("heapMaxMb", max / (1024 * 1024))
                .build();
    }
}
