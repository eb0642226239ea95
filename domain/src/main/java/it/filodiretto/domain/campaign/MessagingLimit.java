package it.filodiretto.domain.campaign;

import it.filodiretto.domain.common.DomainError;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.DomainException;
import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * WhatsApp's messaging limit: how many unique recipients the number may start conversations with in 24
 * hours (its tier: 250, 2,000, 10,000, 100,000 or unlimited). Meta raises the tier by itself, so the
 * administrator keeps the current one here (a setting; the configuration gives the first value; 0 means
 * unlimited). Campaigns whose audience exceeds what is left are warned about before approval, and sending
 * pauses when the budget is spent, resuming as it frees up: the campaign is spread over time.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class MessagingLimit {

    static final String SETTING = "whatsapp.messaging-limit";
    public static final List<Long> TIERS = List.of(250L, 2_000L, 10_000L, 100_000L, 0L);

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    TimeSource time;

    @Inject
    AuditTrail audit;

    @Inject
    @ConfigProperty(name = "filodiretto.whatsapp.messaging-limit", defaultValue = "0")
    long configured;

    private volatile long used;
    private volatile long usedAt;

    /** Unique recipients per 24 hours; 0 = unlimited. */
    public long limit() {
        List<?> rows = em.createNativeQuery("select setting_value from installation_setting where name = ?").setParameter(1, SETTING)
                .getResultList();
        return rows.isEmpty() ? configured : Long.parseLong(rows.get(0).toString());
    }

    public void change(long limit, String actor) {
        if (!TIERS.contains(limit)) {
            throw new DomainException(DomainError.DISPATCH_TIER);
        }
        em.createNativeQuery("delete from installation_setting where name = ?").setParameter(1, SETTING).executeUpdate();
        em.createNativeQuery("insert into installation_setting (name, setting_value) values (?, ?)").setParameter(1, SETTING)
                .setParameter(2, String.valueOf(limit)).executeUpdate();
        audit.record(Actor.staff(actor), AuditAction.MESSAGING_LIMIT_CHANGED, "dispatch", "messaging-limit", Map.of("limit", limit));
    }

    /** Distinct recipients of campaign messages sent in the last 24 hours (recounted at most every 5 s). */
    public long usedLast24h() {
        long now = System.nanoTime();
        if (usedAt == 0 || now - usedAt > TimeUnit.SECONDS.toNanos(5)) {
            used = ((Number) em.createNativeQuery("select count(distinct subscriber_id) from delivery where sent_at > ?")
                    .setParameter(1, time.now().minusHours(24)).getSingleResult()).longValue();
            usedAt = now;
        }
        return used;
    }

    /** One more recipient reached (keeps the count current between recounts). */
    public void noteSent() {
        used++;
    }

    /** What is left of the 24-hour budget ({@link Long#MAX_VALUE} when unlimited). */
    public long remaining() {
        long limit = limit();
        return limit == 0 ? Long.MAX_VALUE : Math.max(0, limit - usedLast24h());
    }

    public boolean wouldBeExceededBy(long audience) {
        return audience > remaining();
    }
}
