package io.holdfast.store.internal;

import io.holdfast.api.kernel.Lease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.Optional;
import java.util.TimeZone;

/**
 * The statements on {@code kernel_lease}. Every change is one conditional UPDATE whose WHERE clause
 * states what must still be true (holder, token, expiry), so two nodes can never both succeed: the
 * database serialises updates of one row and re-checks the condition for the second. Plain SQL that
 * runs unchanged on Derby and PostgreSQL; times are UTC whatever the JVM's zone.
 */
final class LeaseTable {
    private static final ThreadLocal<Calendar> UTC = ThreadLocal.withInitial(() -> Calendar.getInstance(TimeZone.getTimeZone("UTC")));

    private LeaseTable() {
    }

    /** Extends a lease {@code holder} still holds; its token stays. */
    static boolean extendOwn(Connection c, String name, String holder, Instant now, Instant until) throws SQLException {
        return update(c, "UPDATE kernel_lease SET expires_at = ? WHERE name = ? AND holder = ? AND expires_at > ?",
                until, name, holder, now) == 1;
    }

    /** Takes an expired or released lease for a new tenure with the next token. */
    static boolean takeExpired(Connection c, String name, String holder, Instant now, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kernel_lease SET holder = ?, token = token + 1, expires_at = ?"
                + " WHERE name = ? AND expires_at <= ?")) {
            ps.setString(1, holder);
            setInstant(ps, 2, until);
            ps.setString(3, name);
            setInstant(ps, 4, now);
            return ps.executeUpdate() == 1;
        }
    }

    static boolean exists(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM kernel_lease WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** The first tenure of a lease never held; a concurrent first insert surfaces as a duplicate key. */
    static void insertFirst(Connection c, String name, String holder, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kernel_lease (name, holder, token, expires_at) VALUES (?, ?, 1, ?)")) {
            ps.setString(1, name);
            ps.setString(2, holder);
            setInstant(ps, 3, until);
            ps.executeUpdate();
        }
    }

    /** Changes the expiry of the tenure {@code lease} if it is still unexpired. */
    static boolean setExpiry(Connection c, Lease lease, Instant now, Instant until) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE kernel_lease SET expires_at = ?"
                + " WHERE name = ? AND holder = ? AND token = ? AND expires_at > ?")) {
            setInstant(ps, 1, until);
            ps.setString(2, lease.name());
            ps.setString(3, lease.holder());
            ps.setLong(4, lease.token());
            setInstant(ps, 5, now);
            return ps.executeUpdate() == 1;
        }
    }

    /** The row of {@code name} if its lease is unexpired at {@code now}. */
    static Optional<Lease> unexpired(Connection c, String name, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT holder, token, expires_at FROM kernel_lease"
                + " WHERE name = ? AND expires_at > ?")) {
            ps.setString(1, name);
            setInstant(ps, 2, now);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Lease(name, rs.getString(1), rs.getLong(2), rs.getTimestamp(3, UTC.get()).toInstant()))
                        : Optional.empty();
            }
        }
    }

    private static int update(Connection c, String sql, Instant until, String name, String holder, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            setInstant(ps, 1, until);
            ps.setString(2, name);
            ps.setString(3, holder);
            setInstant(ps, 4, now);
            return ps.executeUpdate();
        }
    }

    private static void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
        ps.setTimestamp(index, Timestamp.from(value), UTC.get());
    }
}
