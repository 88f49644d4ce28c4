package io.holdfast.journal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Small JDBC helpers for retention's single-value queries and updates. */
final class Sql {
    private Sql() {
    }

    static long longValue(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static String stringValue(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("no row for " + sql);
            }
            return rs.getString(1);
        }
    }

    static long update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            ps.setObject(i + 1, params[i]);
        }
        return ps;
    }

    /** A query on another module's table (routing_outbox); empty when that module is not installed. */
    static <T> Optional<T> optionalTable(SqlSupplier<T> query) throws SQLException {
        try {
            return Optional.of(query.get());
        } catch (SQLException e) {
            if (missingTable(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Derby {@code 42X05}, PostgreSQL {@code 42P01}: the table does not exist. */
    static boolean missingTable(SQLException e) {
        return "42X05".equals(e.getSQLState()) || "42P01".equals(e.getSQLState());
    }

    @FunctionalInterface
    interface SqlSupplier<T> {
        T get() throws SQLException;
    }
}
