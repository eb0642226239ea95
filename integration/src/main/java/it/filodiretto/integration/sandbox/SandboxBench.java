package it.filodiretto.integration.sandbox;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static it.filodiretto.domain.common.Jsons.JSON;

/**
 * For benchmarks and load tests on the sandbox only: many active subscribers at once (as if they had
 * subscribed; numbers {@code +39333…} in a range of their own), and the report of what the simulated
 * WhatsApp delivered for one campaign (by a token in its text): recipients, duplicates, first and last
 * acceptance, the busiest second.
 */
@ApplicationScoped
public class SandboxBench {

    @Resource(lookup = "jdbc/filodiretto")
    DataSource dataSource;

    public int seedSubscribers(int count, String topic) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long firstId;
            long offset;
            try (Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(
                            "select coalesce(max(id), 0), (select count(*) from subscriber where phone like '+39333%') from subscriber")) {
                r.next();
                firstId = Math.max(r.getLong(1) + 1_000, 5_000_000_000L);
                offset = r.getLong(2);
            }
            OffsetDateTime now = OffsetDateTime.now();
            try (PreparedStatement s = c
                    .prepareStatement("insert into subscriber (id, phone, wa_id, state, language, topics, neighbourhoods,"
                            + " marketing_opt_out, created_at, updated_at, version) values (?, ?, ?, 'ACTIVE', 'it', ?, '', false, ?, ?, 1)")) {
                for (int i = 0; i < count; i++) {
                    String phone = "+39333" + String.format("%07d", offset + i);
                    s.setLong(1, firstId + i);
                    s.setString(2, phone);
                    s.setString(3, phone.substring(1));
                    s.setString(4, topic);
                    s.setObject(5, now);
                    s.setObject(6, now);
                    s.addBatch();
                    if (i % 1_000 == 999) {
                        s.executeBatch();
                    }
                }
                s.executeBatch();
            }
            c.commit();
            return count;
        } catch (SQLException e) {
            throw new IllegalStateException("could not seed subscribers", e);
        }
    }

    public JsonObject report(String token) {
        String like = "%" + token + "%";
        try (Connection c = dataSource.getConnection()) {
            long messages;
            long recipients;
            long duplicated;
            try (PreparedStatement s = c
                    .prepareStatement("select count(*), count(distinct phone) from sandbox_message where direction = 'OUT'"
                            + " and parameters like ?")) {
                s.setString(1, like);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    messages = r.getLong(1);
                    recipients = r.getLong(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from (select phone from sandbox_message where direction = 'OUT'"
                    + " and parameters like ? group by phone having count(*) > 1) d")) {
                s.setString(1, like);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    duplicated = r.getLong(1);
                }
            }
            List<Long> times = new ArrayList<>();
            try (PreparedStatement s = c
                    .prepareStatement("select created_at from sandbox_message where direction = 'OUT' and parameters like ?"
                            + " order by created_at")) {
                s.setString(1, like);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        times.add(r.getObject(1, OffsetDateTime.class).toInstant().toEpochMilli());
                    }
                }
            }
            // the STOP storm (bench/stop-storm.sh): the seeded subscribers who left, when the last one did, and the
            // campaign's messages accepted after the recipient had left (a STOP processed, then a message anyway)
            long stopped;
            long lastStopAt;
            long sentAfterStop;
            try (PreparedStatement s = c.prepareStatement("select count(*), max(updated_at) from subscriber where phone like '+39333%'"
                    + " and state = 'UNSUBSCRIBED'"); ResultSet r = s.executeQuery()) {
                r.next();
                stopped = r.getLong(1);
                OffsetDateTime last = r.getObject(2, OffsetDateTime.class);
                lastStopAt = last == null ? 0 : last.toInstant().toEpochMilli();
            }
            try (PreparedStatement s = c.prepareStatement("select count(*) from sandbox_message m join subscriber s on s.phone = m.phone"
                    + " where m.direction = 'OUT' and m.parameters like ? and s.state = 'UNSUBSCRIBED' and m.created_at > s.updated_at")) {
                s.setString(1, like);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    sentAfterStop = r.getLong(1);
                }
            }
            int busiest = 0;
            int start = 0;
            for (int end = 0; end < times.size(); end++) {
                while (times.get(end) - times.get(start) >= 1_000) {
                    start++;
                }
                busiest = Math.max(busiest, end - start + 1);
            }
            return JSON.createObjectBuilder().add("messages", messages).add("recipients", recipients)
                    .add("recipientsWithMoreThanOne", duplicated)
                    .add("firstAcceptedAt", times.isEmpty() ? 0 : times.get(0))
                    .add("lastAcceptedAt", times.isEmpty() ? 0 : times.get(times.size() - 1))
                    .add("busiestSecond", busiest).add("stoppedSubscribers", stopped).add("lastStopAt", lastStopAt)
                    .add("sentAfterStop", sentAfterStop).build();
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox store unavailable", e);
        }
    }
}
