package it.filodiretto.domain.system;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.system.port.OutboundProbe;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The operator's end-to-end check of a deployment: a message through the broker to a message-driven bean
 * and back into the database, and an outbound HTTP call that needs retries to succeed.
 */
@Stateless
public class SelfTest {

    static final long MESSAGING_TIMEOUT_MILLIS = 15_000;

    @Inject
    ConnectivityService connectivity;

    @Inject
    OutboundProbe probe;

    @Inject
    AuditTrail audit;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public SelfTestReport run(URI selfBaseUri, String actor) {
        long start = System.nanoTime();
        boolean messagingOk = false;
        String messagingError = null;
        long roundTrip = -1;
        try {
            String token = connectivity.sendPing();
            long deadline = System.currentTimeMillis() + MESSAGING_TIMEOUT_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                Optional<ConnectivityPing> ping = connectivity.find(token);
                if (ping.isPresent() && ping.get().receivedAt() != null) {
                    messagingOk = true;
                    roundTrip = (System.nanoTime() - start) / 1_000_000;
                    break;
                }
                Thread.sleep(50);
            }
            if (!messagingOk) {
                messagingError = "no message-driven bean received the ping within " + MESSAGING_TIMEOUT_MILLIS + " ms";
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            messagingError = "interrupted";
        } catch (RuntimeException e) {
            messagingError = e.getClass().getSimpleName();
        }

        boolean ftOk = false;
        int attempts = 0;
        String ftError = null;
        try {
            attempts = probe.attemptsUntilSuccess(selfBaseUri, UUID.randomUUID().toString());
            ftOk = attempts > 1;
            if (!ftOk) {
                ftError = "the probe answered at once: retries were not exercised";
            }
        } catch (RuntimeException e) {
            ftError = e.getClass().getSimpleName();
        }
        SelfTestReport report = new SelfTestReport(messagingOk, roundTrip, messagingError, ftOk, attempts, ftError);
        audit.record(Actor.staff(actor), AuditAction.SYSTEM_SELF_TEST, "system", null,
                Map.of("messagingOk", messagingOk, "faultToleranceOk", ftOk, "attempts", attempts));
        return report;
    }
}
