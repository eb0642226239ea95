package it.filodiretto.domain.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reading the trail: filtered pages for the console, sequential chunks for verification. */
@ApplicationScoped
public class AuditEvents {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    public List<AuditEvent> page(AuditFilter filter, int first, int size, boolean newestFirst) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, parameters);
        TypedQuery<AuditEvent> query = em.createQuery("select e from AuditEvent e" + where
                + " order by e.sequence " + (newestFirst ? "desc" : "asc"), AuditEvent.class);
        parameters.forEach(query::setParameter);
        return query.setFirstResult(first).setMaxResults(size).getResultList();
    }

    public long count(AuditFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        TypedQuery<Long> query = em.createQuery("select count(e) from AuditEvent e" + where(filter, parameters), Long.class);
        parameters.forEach(query::setParameter);
        return query.getSingleResult();
    }

    public AuditEvent bySequence(long sequence) {
        return em.find(AuditEvent.class, sequence);
    }

    /** Up to {@code limit} links after {@code afterSequence}, up to {@code lastSequence}, in order. */
    public List<ChainLink> links(long afterSequence, long lastSequence, int limit) {
        return em.createQuery("select new it.filodiretto.domain.audit.ChainLink(e.sequence, e.occurredAt, e.actor,"
                + " e.action, e.targetType, e.targetId, e.details, e.previousHash, e.hash)"
                + " from AuditEvent e where e.sequence > :after and e.sequence <= :last order by e.sequence",
                ChainLink.class)
                .setParameter("after", afterSequence)
                .setParameter("last", lastSequence)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The recorded head, read without a lock: verification checks the chain up to it. */
    public Checkpoint head(java.time.OffsetDateTime now) {
        Object[] row = (Object[]) em.createNativeQuery("select last_seq, last_hash from audit_head where id = 1")
                .getSingleResult();
        return new Checkpoint(((Number) row[0]).longValue(), (String) row[1], now);
    }

    private static String where(AuditFilter f, Map<String, Object> parameters) {
        StringBuilder where = new StringBuilder();
        if (f.from() != null) {
            clause(where, "e.occurredAt >= :from");
            parameters.put("from", f.from());
        }
        if (f.to() != null) {
            clause(where, "e.occurredAt < :to");
            parameters.put("to", f.to());
        }
        text(where, parameters, "e.actor", "actor", f.actor());
        text(where, parameters, "e.action", "action", f.action());
        text(where, parameters, "e.targetType", "targetType", f.targetType());
        text(where, parameters, "e.targetId", "targetId", f.targetId());
        return where.toString();
    }

    private static void text(StringBuilder where, Map<String, Object> parameters, String field, String name, String value) {
        if (value != null && !value.isBlank()) {
            clause(where, field + " = :" + name);
            parameters.put(name, value.strip());
        }
    }

    private static void clause(StringBuilder where, String clause) {
        where.append(where.length() == 0 ? " where " : " and ").append(clause);
    }
}
