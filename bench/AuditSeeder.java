import it.filodiretto.domain.audit.AuditRecord;
import it.filodiretto.domain.audit.CanonicalForm;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Benchmark helper (not part of the product): appends N correctly chained audit events to a stopped
 * Filo Diretto H2 database, with the product's own canonical form, so verification has a big trail.
 * Usage: java -cp domain/target/classes:h2.jar bench/AuditSeeder.java <jdbc-url> <count>
 */
public class AuditSeeder {
    public static void main(String[] args) throws Exception {
        String url = args[0];
        int count = Integer.parseInt(args[1]);
        try (Connection c = DriverManager.getConnection(url, "filodiretto", "filodiretto")) {
            c.setAutoCommit(false);
            long seq;
            String previous;
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select last_seq, last_hash from audit_head where id = 1")) {
                r.next();
                seq = r.getLong(1);
                previous = r.getString(2);
            }
            OffsetDateTime time = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).minusDays(365);
            String[] actions = {"LOGIN", "STAFF_UPDATED", "CONSENT_GRANTED", "CONSENT_WITHDRAWN", "CAMPAIGN_APPROVED"};
            try (PreparedStatement insert = c.prepareStatement("insert into audit_event (seq, occurred_at, actor, action, target_type, target_id, details, prev_hash, hash) values (?,?,?,?,?,?,?,?,?)")) {
                for (int i = 0; i < count; i++) {
                    seq++;
                    time = time.plusNanos(30_000_000);
                    String actor = i % 7 == 0 ? "system" : "citizen:" + (i % 90_000);
                    AuditRecord r = new AuditRecord(seq, time, actor, actions[i % actions.length], "subscriber",
                            Integer.toString(i % 90_000), "{\"channel\":\"WHATSAPP_KEYWORD\",\"topics\":[\"emergencies\",\"deadlines\"]}");
                    String hash = CanonicalForm.hash(r, previous);
                    insert.setLong(1, seq);
                    insert.setObject(2, time);
                    insert.setString(3, r.actor());
                    insert.setString(4, r.action());
                    insert.setString(5, r.targetType());
                    insert.setString(6, r.targetId());
                    insert.setString(7, r.details());
                    insert.setString(8, previous);
                    insert.setString(9, hash);
                    insert.addBatch();
                    previous = hash;
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                        c.commit();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement head = c.prepareStatement("update audit_head set last_seq = ?, last_hash = ? where id = 1")) {
                head.setLong(1, seq);
                head.setString(2, previous);
                head.executeUpdate();
            }
            c.commit();
            System.out.println("seeded " + count + " events; head is now " + seq);
        }
    }
}
