package it.filodiretto.domain.campaign;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The figures of a campaign: deliveries per state, failures by WhatsApp error code, and progress over time. */
@Stateless
public class CampaignStats {

    @PersistenceContext(unitName = "filodiretto")
    EntityManager em;

    public record Failure(int code, String title, long count, boolean transientFailure) {
    }

    /** Per minute: how many were sent, delivered, read and failed in it. */
    public record Minute(OffsetDateTime at, long sent, long delivered, long read, long failed) {
    }

    public Map<Delivery.State, Long> counts(long campaignId) {
        Map<Delivery.State, Long> counts = new EnumMap<>(Delivery.State.class);
        for (Delivery.State s : Delivery.State.values()) {
            counts.put(s, 0L);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select state, count(*) from delivery where campaign_id = ? group by state")
                .setParameter(1, campaignId).getResultList();
        rows.forEach(r -> counts.put(Delivery.State.valueOf(r[0].toString()), ((Number) r[1]).longValue()));
        return counts;
    }

    /** Deliveries sent again after a crash because the API may have accepted them just before it. */
    public long possibleDuplicates(long campaignId) {
        return ((Number) em.createNativeQuery("select count(*) from delivery where campaign_id = ? and possible_duplicate = true")
                .setParameter(1, campaignId).getSingleResult()).longValue();
    }

    public List<Failure> failures(long campaignId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em
                .createNativeQuery("select coalesce(error_code, 0), max(error_title), count(*), transient_failure from delivery"
                        + " where campaign_id = ? and state = 'FAILED' group by coalesce(error_code, 0), transient_failure order by count(*) desc")
                .setParameter(1, campaignId).getResultList();
        List<Failure> failures = new ArrayList<>();
        rows.forEach(
                r -> failures.add(new Failure(((Number) r[0]).intValue(), r[1] == null ? "" : r[1].toString(), ((Number) r[2]).longValue(),
                        Boolean.TRUE.equals(r[3]))));
        return failures;
    }

    /** Sent/delivered/read/failed per minute since the start (UTC minutes). */
    public List<Minute> timeline(long campaignId) {
        Map<OffsetDateTime, long[]> minutes = new TreeMap<>();
        String[] columns = {"sent_at", "delivered_at", "read_at", "failed_at"};
        for (int i = 0; i < columns.length; i++) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em
                    .createNativeQuery("select date_trunc('minute', " + columns[i] + "), count(*) from delivery where campaign_id = ? and "
                            + columns[i] + " is not null group by date_trunc('minute', " + columns[i] + ")")
                    .setParameter(1, campaignId).getResultList();
            for (Object[] r : rows) {
                minutes.computeIfAbsent(toUtc(r[0]), k -> new long[4])[i] = ((Number) r[1]).longValue();
            }
        }
        List<Minute> timeline = new ArrayList<>();
        minutes.forEach((at, n) -> timeline.add(new Minute(at, n[0], n[1], n[2], n[3])));
        return timeline;
    }

    public List<Delivery> deliveries(long campaignId, int first, int max) {
        return em.createQuery("select d from Delivery d where d.campaignId = :c order by d.id", Delivery.class)
                .setParameter("c", campaignId).setFirstResult(first).setMaxResults(max).getResultList();
    }

    /** Phone numbers of the deliveries' subscribers (null once erased), for the per-recipient table. */
    public Map<Long, String> phones(List<Delivery> deliveries) {
        Map<Long, String> phones = new java.util.HashMap<>();
        if (deliveries.isEmpty()) {
            return phones;
        }
        List<Long> ids = deliveries.stream().map(Delivery::subscriberId).distinct().toList();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createQuery("select s.id, s.phone from Subscriber s where s.id in :ids").setParameter("ids", ids)
                .getResultList();
        rows.forEach(r -> phones.put((Long) r[0], (String) r[1]));
        return phones;
    }

    private static OffsetDateTime toUtc(Object value) {
        if (value instanceof OffsetDateTime t) {
            return t.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES);
        }
        throw new IllegalStateException("unexpected time type " + value.getClass());
    }
}
