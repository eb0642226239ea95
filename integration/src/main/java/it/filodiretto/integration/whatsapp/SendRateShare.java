package it.filodiretto.integration.whatsapp;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import it.filodiretto.domain.common.ServerInstance;
import java.util.logging.Logger;

/**
 * Keeps the send-rate ceiling global when several servers share the database and the broker: every server
 * writes a heartbeat every five seconds and paces its own sends at the ceiling divided by the servers alive
 * (heartbeat in the last 15 s). A server that starts takes its share at once (counting itself); the others
 * lower theirs within five seconds; a server that stops hands its share back within fifteen.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
public class SendRateShare {

    private static final Logger LOG = Logger.getLogger(SendRateShare.class.getName());
    static final int ALIVE_SECONDS = ServerInstance.ALIVE_SECONDS;

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    SendRateLimiter limiter;

    @Inject
    @ConfigProperty(name = "filodiretto.dispatch.rate-per-second", defaultValue = "80")
    int ceiling;

    @Inject
    ServerInstance server;

    private String id;
    private int share = -1;
    private long servers;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void start() {
        id = server.id();
        OffsetDateTime now = now();
        em.createNativeQuery("insert into server_instance (id, started_at, heartbeat_at) values (?, ?, ?)")
                .setParameter(1, id).setParameter(2, now).setParameter(3, now).executeUpdate();
        apply(now);
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "send-rate share")
    void heartbeat() {
        OffsetDateTime now = now();
        if (em.createNativeQuery("update server_instance set heartbeat_at = ? where id = ?").setParameter(1, now).setParameter(2, id)
                .executeUpdate() == 0) {
            em.createNativeQuery("insert into server_instance (id, started_at, heartbeat_at) values (?, ?, ?)")
                    .setParameter(1, id).setParameter(2, now).setParameter(3, now).executeUpdate();
        }
        em.createNativeQuery("delete from server_instance where heartbeat_at < ?").setParameter(1, now.minusMinutes(10)).executeUpdate();
        apply(now);
    }

    private void apply(OffsetDateTime now) {
        long alive = Math.max(1, ((Number) em.createNativeQuery("select count(*) from server_instance where heartbeat_at > ?")
                .setParameter(1, now.minusSeconds(ALIVE_SECONDS)).getSingleResult()).longValue());
        int mine = ceiling == 0 ? 0 : (int) Math.max(1, ceiling / alive);
        if (mine != share) {
            limiter.reset(mine);
            share = mine;
            servers = alive;
            LOG.info(() -> "Send-rate ceiling " + ceiling + "/s shared by " + servers + " server(s): " + share + "/s here");
        }
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    void stop() {
        em.createNativeQuery("delete from server_instance where id = ?").setParameter(1, id).executeUpdate();
    }

    /** This server's share of the ceiling (messages per second; 0 = none). */
    public int share() {
        return share;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
