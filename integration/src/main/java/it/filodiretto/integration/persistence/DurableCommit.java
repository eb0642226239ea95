package it.filodiretto.integration.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Makes what has been committed durable at once, where the database does not do so by itself. PostgreSQL writes
 * every commit before it returns; the embedded H2 keeps up to half a second of commits in memory (its WRITE_DELAY),
 * which is what keeps it fast, but a kill -9 loses them. Where an answer promises that something is stored (the
 * webhook intake's 200), this is called after the commit and before the answer: on H2 a CHECKPOINT, once per
 * group-committed batch; elsewhere nothing. (Making every commit durable instead, WRITE_DELAY=0, was measured:
 * H2 then writes a chunk per commit, and a 100,000-message campaign grew the file to 3 GB and crawled.)
 */
@ApplicationScoped
public class DurableCommit {

    @Resource(lookup = "jdbc/filodiretto")
    DataSource dataSource;

    private volatile Boolean embedded;

    public void flush() {
        try (Connection connection = dataSource.getConnection()) {
            if (embedded == null) {
                embedded = "H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
            }
            if (embedded) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not make the commit durable", e);
        }
    }
}
