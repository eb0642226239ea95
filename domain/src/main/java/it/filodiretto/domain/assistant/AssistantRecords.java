package it.filodiretto.domain.assistant;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.TimeSource;
import it.filodiretto.domain.consent.SubscriberErased;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assistant's records: the list operators read and export, the retention period
 * ({@code filodiretto.assistant.retention-days}), erasure with the citizen's other data, and the daily usage
 * counts written to the audit trail (counts only, never texts; one instance writes each day).
 */
@Singleton
@jakarta.ejb.Lock(jakarta.ejb.LockType.READ)
public class AssistantRecords {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    @Inject
    @ConfigProperty(name = "filodiretto.assistant.retention-days", defaultValue = "180")
    int retentionDays;

    /** Exchanges between two instants (newest first), optionally of one kind. */
    public List<Exchange> list(OffsetDateTime from, OffsetDateTime to, Exchange.Kind kind, int first, int max) {
        return em.createQuery("select e from Exchange e where e.occurredAt >= :f and e.occurredAt < :t"
                + (kind == null ? "" : " and e.kind = :k") + " order by e.occurredAt desc, e.id desc", Exchange.class)
                .setParameter("f", from).setParameter("t", to)
                .setParameter(kind == null ? "f" : "k", kind == null ? from : kind)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public int count(OffsetDateTime from, OffsetDateTime to, Exchange.Kind kind) {
        return em.createQuery("select count(e) from Exchange e where e.occurredAt >= :f and e.occurredAt < :t"
                + (kind == null ? "" : " and e.kind = :k"), Long.class)
                .setParameter("f", from).setParameter("t", to)
                .setParameter(kind == null ? "f" : "k", kind == null ? from : kind).getSingleResult().intValue();
    }

    /** Counts by kind between two instants. */
    public Map<String, Object> counts(OffsetDateTime from, OffsetDateTime to) {
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Exchange.Kind k : Exchange.Kind.values()) {
            counts.put(k.name(), 0L);
        }
        em.createQuery("select e.kind, count(e) from Exchange e where e.occurredAt >= :f and e.occurredAt < :t group by e.kind",
                Object[].class)
                .setParameter("f", from).setParameter("t", to).getResultList()
                .forEach(r -> counts.put(((Exchange.Kind) r[0]).name(), r[1]));
        counts.put("handoffsOpened", em.createQuery("select count(h) from Handoff h where h.openedAt >= :f and h.openedAt < :t", Long.class)
                .setParameter("f", from).setParameter("t", to).getSingleResult());
        return counts;
    }

    public void exported(String actor, int rows) {
        audit.record(Actor.staff(actor), AuditAction.ASSISTANT_RECORDS_EXPORTED, "assistant", null, Map.of("rows", rows));
    }

    /** Yesterday's counts into the audit trail, once (the first instance to insert the day writes it). */
    @Schedule(hour = "0", minute = "20", persistent = false, info = "assistant usage counts")
    public void dailyUsage() {
        LocalDate day = time.now().withOffsetSameInstant(ZoneOffset.UTC).toLocalDate().minusDays(1);
        if (!em.createNativeQuery("select usage_day from assistant_usage_day where usage_day = ?").setParameter(1, day).getResultList()
                .isEmpty()) {
            return;
        }
        // the primary key makes a second instance's insert (and its audit record) roll back
        em.createNativeQuery("insert into assistant_usage_day (usage_day) values (?)").setParameter(1, day).executeUpdate();
        OffsetDateTime from = day.atStartOfDay().atOffset(ZoneOffset.UTC);
        Map<String, Object> counts = counts(from, from.plusDays(1));
        counts.put("day", day.toString());
        audit.record(Actor.SYSTEM, AuditAction.ASSISTANT_USAGE, "assistant", day.toString(), counts);
    }

    /** Applied by the nightly retention job. */
    public Map<String, Object> purge() {
        OffsetDateTime limit = time.now().minusDays(retentionDays);
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("assistantExchanges",
                em.createQuery("delete from Exchange e where e.occurredAt < :t").setParameter("t", limit).executeUpdate());
        counts.put("handoffs", em.createQuery("delete from Handoff h where h.state = :closed and h.closedAt < :t")
                .setParameter("closed", Handoff.State.CLOSED).setParameter("t", limit).executeUpdate());
        counts.put("retentionDays", retentionDays);
        audit.record(Actor.SYSTEM, AuditAction.RETENTION_APPLIED, "assistant", null, counts);
        return counts;
    }

    /** An erased subscriber's conversations go with the rest of their data. */
    public void onErasure(@Observes SubscriberErased erased) {
        for (String[] key : new String[][]{{"waId", erased.waId()}, {"userId", erased.userId()}, {"address", erased.phone()}}) {
            if (key[1] != null) {
                em.createQuery("delete from Exchange e where e." + key[0] + " = :v").setParameter("v", key[1]).executeUpdate();
                em.createQuery("delete from Handoff h where h." + key[0] + " = :v").setParameter("v", key[1]).executeUpdate();
            }
        }
    }
}
