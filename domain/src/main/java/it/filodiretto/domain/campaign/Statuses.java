package it.filodiretto.domain.campaign;

import jakarta.persistence.EntityManager;

import java.time.OffsetDateTime;

/**
 * WhatsApp's statuses applied to a delivery with one conditional UPDATE each, so that concurrent and
 * out-of-order webhooks (read before delivered, delivered after failed, the same one twice) can only move it
 * forward: {@code SENT → DELIVERED → READ}; {@code FAILED} only from a state before delivery, and final.
 * Row locks serialise concurrent updates of one delivery; every update is monotonic, so the order of
 * commits does not matter.
 */
final class Statuses {

    private Statuses() {
    }

    static int apply(EntityManager em, String wamid, String status, OffsetDateTime at, Integer code, String title) {
        String sql = switch (status == null ? "" : status) {
            case "sent" -> "update delivery set sent_at = coalesce(sent_at, ?1),"
                    + " state = case when state in ('QUEUED', 'SENDING') then 'SENT' else state end"
                    + " where wamid = ?2 and state in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ')";
            case "delivered" -> "update delivery set delivered_at = coalesce(delivered_at, ?1),"
                    + " state = case when state in ('QUEUED', 'SENDING', 'SENT') then 'DELIVERED' else state end"
                    + " where wamid = ?2 and state in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ')";
            case "read" -> "update delivery set read_at = coalesce(read_at, ?1), delivered_at = coalesce(delivered_at, ?1), state = 'READ'"
                    + " where wamid = ?2 and state in ('QUEUED', 'SENDING', 'SENT', 'DELIVERED', 'READ')";
            case "failed" ->
                "update delivery set state = 'FAILED', failed_at = ?1, error_code = ?3, error_title = ?4, transient_failure = false"
                        + " where wamid = ?2 and state in ('QUEUED', 'SENDING', 'SENT')";
            default -> null;
        };
        if (sql == null) {
            return 0;
        }
        var query = em.createNativeQuery(sql).setParameter(1, at).setParameter(2, wamid);
        if ("failed".equals(status)) {
            query.setParameter(3, code).setParameter(4, title == null ? null : title.substring(0, Math.min(500, title.length())));
        }
        return query.executeUpdate();
    }

    /** The same rules over a whole campaign, from the recorded statuses ({@code ?1} = campaign id). */
    static String reconcileSql(String status) {
        String recorded = "(select min(s.occurred_at) from message_status s where s.wamid = delivery.wamid and s.status = '" + status
                + "')";
        String exists = " and exists (select 1 from message_status s where s.wamid = delivery.wamid and s.status = '" + status + "')";
        return switch (status) {
            case "read" -> "update delivery set state = 'READ', read_at = coalesce(read_at, " + recorded + "),"
                    + " delivered_at = coalesce(delivered_at, " + recorded + ") where campaign_id = ?1 and state in ('SENT', 'DELIVERED')"
                    + exists;
            case "delivered" -> "update delivery set state = 'DELIVERED', delivered_at = coalesce(delivered_at, " + recorded + ")"
                    + " where campaign_id = ?1 and state = 'SENT'" + exists;
            default -> "update delivery set state = 'FAILED', failed_at = " + recorded + ", transient_failure = false,"
                    + " error_code = (select max(s.error_code) from message_status s where s.wamid = delivery.wamid and s.status = 'failed')"
                    + " where campaign_id = ?1 and state = 'SENT'" + exists;
        };
    }
}
