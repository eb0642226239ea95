package it.filodiretto.domain.campaign;

import it.filodiretto.domain.audit.Actor;
import it.filodiretto.domain.audit.AuditAction;
import it.filodiretto.domain.audit.AuditTrail;
import it.filodiretto.domain.common.TimeSource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stop-everything switch: an account-level WhatsApp error (token expired, account locked, payment)
 * halts all sending until an administrator resumes it. Stored in the database, so it survives restarts
 * and holds for every server.
 */
@Stateless
public class DispatchHalt {

    static final String SETTING = "dispatch.halted";

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    TimeSource time;

    /** Why sending is halted, if it is. */
    public Optional<String> reason() {
        List<?> rows = em.createNativeQuery("select setting_value from installation_setting where name = ?").setParameter(1, SETTING)
                .getResultList();
        return rows.stream().findFirst().map(Object::toString);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void halt(int code, String title) {
        if (reason().isPresent()) {
            return;
        }
        String reason = time.now() + " WhatsApp error " + code + ": " + (title == null ? "" : title);
        em.createNativeQuery("insert into installation_setting (name, setting_value) values (?, ?)").setParameter(1, SETTING)
                .setParameter(2, reason.substring(0, Math.min(reason.length(), 500))).executeUpdate();
        audit.record(Actor.SYSTEM, AuditAction.DISPATCH_HALTED, "dispatch", "all", Map.of("code", code));
    }

    /** Clears the switch; the caller re-queues what waits. */
    public boolean clear(String actor) {
        int removed = em.createNativeQuery("delete from installation_setting where name = ?").setParameter(1, SETTING).executeUpdate();
        if (removed > 0) {
            audit.record(Actor.staff(actor), AuditAction.DISPATCH_RESUMED, "dispatch", "all", Map.of());
        }
        return removed > 0;
    }
}
