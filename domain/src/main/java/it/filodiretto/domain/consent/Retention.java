package it.filodiretto.domain.consent;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The retention periods, applied by a daily job: citizens' inbound messages and the raw webhooks that
 * carried them after {@code filodiretto.retention.inbound-days}; waiting web requests expire after their
 * confirmation time and are deleted (with the number they hold) after {@code web-request-days}. What was
 * purged is audited as counts only.
 */
@Stateless
public class Retention {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    @Inject
    @ConfigProperty(name = "filodiretto.retention.inbound-days", defaultValue = "90")
    int inboundDays;

    @Inject
    @ConfigProperty(name = "filodiretto.retention.web-request-days", defaultValue = "30")
    int webRequestDays;

    /** @return the counts purged, by kind */
    public Map<String, Object> apply() {
        OffsetDateTime now = time.now();
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("inboundMessages", em.createQuery("delete from InboundMessageRecord m where m.receivedAt < :t")
                .setParameter("t", now.minusDays(inboundDays)).executeUpdate());
        counts.put("rawWebhooks", em.createQuery("delete from RawWebhookEvent e where e.receivedAt < :t and e.processedAt is not null")
                .setParameter("t", now.minusDays(inboundDays)).executeUpdate());
        counts.put("messageStatuses", em.createQuery("delete from StatusRecord s where s.receivedAt < :t")
                .setParameter("t", now.minusDays(inboundDays)).executeUpdate());
        counts.put("webRequestsExpired",
                em.createQuery("update WebRequest r set r.state = :expired where r.state = :waiting and r.expiresAt < :now")
                        .setParameter("expired", WebRequest.State.EXPIRED).setParameter("waiting", WebRequest.State.WAITING)
                        .setParameter("now", now).executeUpdate());
        counts.put("webRequestsDeleted", em.createQuery("delete from WebRequest r where r.createdAt < :t and r.state <> :waiting")
                .setParameter("t", now.minusDays(webRequestDays)).setParameter("waiting", WebRequest.State.WAITING).executeUpdate());
        Map<String, Object> details = new LinkedHashMap<>(counts);
        details.put("inboundDays", inboundDays);
        details.put("webRequestDays", webRequestDays);
        audit.record(Actor.SYSTEM, AuditAction.RETENTION_APPLIED, "retention", null, details);
        return counts;
    }
}
