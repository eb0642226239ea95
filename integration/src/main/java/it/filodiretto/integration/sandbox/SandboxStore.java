package it.filodiretto.integration.sandbox;

import it.filodiretto.integration.api.SandboxMessage;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the simulated WhatsApp delivered and what simulated citizens wrote (table sandbox_message), kept
 * across restarts so that tests and benchmarks can count messages per recipient. Plain JDBC: the sandbox is
 * a stand-in for Meta's servers, not part of the domain.
 */
@ApplicationScoped
public class SandboxStore {

    @Resource(lookup = "jdbc/filodiretto")
    DataSource dataSource;

    public void insert(SandboxMessage r) {
        String sql = "insert into sandbox_message (wamid, direction, phone, kind, template_name, parameters, header, text,"
                + " footer, buttons, list_menu, status, marketing, created_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, r.wamid());
            s.setString(2, r.direction());
            s.setString(3, r.phone());
            s.setString(4, r.kind());
            s.setString(5, r.templateName());
            s.setString(6, cut(r.parameters(), 4000));
            s.setString(7, cut(r.header(), 200));
            s.setString(8, cut(r.text(), 4096));
            s.setString(9, cut(r.footer(), 200));
            s.setString(10, cut(r.buttons(), 2000));
            s.setString(11, cut(r.listMenu(), 8000));
            s.setString(12, r.status());
            s.setBoolean(13, r.marketing());
            s.setObject(14, r.createdAt());
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox store unavailable", e);
        }
    }

    /** Statuses of many messages in one batch: {@code wamid → status}. */
    public void statuses(java.util.List<java.util.Map.Entry<String, String>> updates) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("update sandbox_message set status = ? where wamid = ?")) {
            for (java.util.Map.Entry<String, String> u : updates) {
                s.setString(1, u.getValue());
                s.setString(2, u.getKey());
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox store unavailable", e);
        }
    }

    /** Both directions for one number, oldest first (at most the last {@code limit}). */
    public List<SandboxMessage> conversation(String phone, int limit) {
        return query("select * from (select * from sandbox_message where phone = ? order by created_at desc, wamid desc"
                + " fetch first " + limit + " rows only) m order by created_at, wamid", phone);
    }

    /** What the city sent to one number, oldest first. */
    public List<SandboxMessage> sentTo(String phone) {
        return query("select * from sandbox_message where phone = ? and direction = 'OUT' order by created_at, wamid", phone);
    }

    /** The newest message the city sent to a number with a given button or list row id. */
    public SandboxMessage lastWithChoice(String phone, String choiceId) {
        List<SandboxMessage> rows = query("select * from sandbox_message where phone = ? and direction = 'OUT'"
                + " and (buttons like ? or list_menu like ?) order by created_at desc fetch first 1 rows only",
                phone, "%\"" + choiceId.replace("%", "") + "\"%", "%\"" + choiceId.replace("%", "") + "\"%");
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** The last message the application sent to this number, or null. */
    public SandboxMessage lastSentTo(String phone) {
        List<SandboxMessage> rows = query("select * from sandbox_message where phone = ? and direction = 'OUT'"
                + " order by created_at desc fetch first 1 rows only", phone);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** When this number last wrote (for WhatsApp's 24-hour window), or null. */
    public OffsetDateTime lastInbound(String phone) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("select max(created_at) from sandbox_message where phone = ? and direction = 'IN'")) {
            s.setString(1, phone);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                Timestamp t = r.getTimestamp(1);
                return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox store unavailable", e);
        }
    }

    public List<String> numbers(int limit) {
        List<String> numbers = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c
                        .prepareStatement("select phone, max(created_at) m from sandbox_message group by phone order by m desc fetch first "
                                + limit + " rows only");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                numbers.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox store unavailable", e);
        }
        return numbers;
    }

    private List<SandboxMessage> query(String sql, String... parameters) {
        List<SandboxMessage> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setString(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new SandboxMessage(r.getString("wamid"), r.getString("direction"), r.getString("phone"), r.getString("kind"),
                            r.getString("template_name"), r.getString("parameters"), r.getString("header"), r.getString("text"),
                            r.getString("footer"), r.getString("buttons"), r.getString("list_menu"), r.getString("status"),
                            r.getBoolean("marketing"), r.getTimestamp("created_at").toInstant().atOffset(ZoneOffset.UTC)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sandbox store unavailable", e);
        }
        return rows;
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
