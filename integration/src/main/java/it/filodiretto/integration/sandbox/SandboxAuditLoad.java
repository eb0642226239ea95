package it.filodiretto.integration.sandbox;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.audit.AuditVerification;
import it.filodiretto.domain.audit.VerificationResult;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * Benchmark of the audit chain, sandbox only (bench/audit-load.sh): {@code writers} concurrent writers append
 * {@code events} events in all, each in a transaction of its own as every audited change does, through the
 * product's {@link AuditTrail}; then the whole chain is verified. Reports events per second and the verification.
 */
@Stateless
public class SandboxAuditLoad {

    @Resource
    ManagedExecutorService executor;

    @Inject
    AuditTrail trail;

    @Inject
    AuditVerification verification;

    @Inject
    SandboxAuditLoad self;

    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public JsonObject run(int events, int writers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            running.add(executor.submit(() -> {
                for (int n = next.incrementAndGet(); n <= events; n = next.incrementAndGet()) {
                    try {
                        self.append(n);
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long verifyStart = System.nanoTime();
        VerificationResult result = verification.walk(null);
        return JSON.createObjectBuilder().add("events", events - failed.get()).add("failed", failed.get()).add("writers", writers)
                .add("seconds", Math.round(seconds * 1000) / 1000.0).add("eventsPerSecond", Math.round((events - failed.get()) / seconds))
                .add("chainValid", result.valid()).add("chainEvents", result.events())
                .add("verifySeconds", Math.round((System.nanoTime() - verifyStart) / 1e6) / 1000.0).build();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void append(int n) {
        trail.record(Actor.SYSTEM, AuditAction.AUDIT_LOAD_TEST, "benchmark", Integer.toString(n), Map.of());
    }
}
