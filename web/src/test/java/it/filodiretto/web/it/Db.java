package it.filodiretto.web.it;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The application's database as the in-container tests read and change it behind the application's back: one value,
 * one column, or an update, each on its own connection (auto-commit). The data source is looked up on first use, so a
 * test class can create this as a field (JUnit also instantiates it on the client, where there is no JNDI).
 */
final class Db {

    static final String DATA_SOURCE = "jdbc/filodiretto";

    /** Reads one value from the current row. */
    @FunctionalInterface
    interface Column<T> {
        T read(ResultSet row) throws SQLException;
    }

    private DataSource dataSource;

    /** The first column of the first row as a number (0 for NULL), -1 when there is no row. */
    long scalar(String sql, Object... parameters) {
        List<Long> values = list(sql, r -> r.getLong(1), parameters);
        return values.isEmpty() ? -1 : values.get(0);
    }

    /** The first column of the first row as text, null when there is no row. */
    String text(String sql, Object... parameters) {
        List<String> values = texts(sql, parameters);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The first column of every row as text. */
    List<String> texts(String sql, Object... parameters) {
        return list(sql, r -> r.getString(1), parameters);
    }

    /** One value read from every row. */
    <T> List<T> list(String sql, Column<T> column, Object... parameters) {
        try (Connection c = connection(); PreparedStatement s = prepare(c, sql, parameters); ResultSet r = s.executeQuery()) {
            List<T> values = new ArrayList<>();
            while (r.next()) {
                values.add(column.read(r));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Runs an insert, update or delete; returns the rows it changed. */
    int update(String sql, Object... parameters) {
        try (Connection c = connection(); PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** A connection of the application's pool, for what the methods above cannot say (metadata). */
    Connection connection() throws SQLException {
        if (dataSource == null) {
            try {
                dataSource = (DataSource) new InitialContext().lookup(DATA_SOURCE);
            } catch (NamingException e) {
                throw new IllegalStateException(DATA_SOURCE + " (only inside the server)", e);
            }
        }
        return dataSource.getConnection();
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
    }
}
