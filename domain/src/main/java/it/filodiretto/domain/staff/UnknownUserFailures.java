package it.filodiretto.domain.staff;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Failed logins with a username that matches no account, counted instead of audited one by one: a flood of
 * guesses must not write a row each under the audit chain's lock. Every five minutes with something counted,
 * one {@code LOGIN_FAILED} event by {@code anonymous} carries {@code reason=unknown_user}, the {@code count} and
 * the counts per origin (console, api). What was typed is never kept.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UnknownUserFailures {

    @Inject
    AuditTrail audit;

    private final Map<String, AtomicLong> pending = new ConcurrentHashMap<>();
    private final AtomicLong total = new AtomicLong();
    private volatile OffsetDateTime since = OffsetDateTime.now();

    public void failed(String origin) {
        pending.computeIfAbsent(origin, o -> new AtomicLong()).incrementAndGet();
        total.incrementAndGet();
    }

    /** Failures counted since the start of this server. */
    public long total() {
        return total.get();
    }

    @Schedule(hour = "*", minute = "*/5", persistent = false, info = "unknown-user login failures summary")
    void everyFiveMinutes() {
        summarise();
    }

    /** Writes the summary of what was counted since the last one, if anything; returns how many failures it covers. */
    public long summarise() {
        Map<String, Long> counts = new TreeMap<>();
        pending.forEach((origin, count) -> {
            long n = count.getAndSet(0);
            if (n > 0) {
                counts.put(origin, n);
            }
        });
        long sum = counts.values().stream().mapToLong(Long::longValue).sum();
        if (sum == 0) {
            return 0;
        }
        OffsetDateTime from = since;
        since = OffsetDateTime.now();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", "unknown_user");
        details.put("count", sum);
        details.put("origins", counts);
        details.put("since", from.toString());
        audit.record(Actor.ANONYMOUS, AuditAction.LOGIN_FAILED, "staff", null, details);
        return sum;
    }
}
