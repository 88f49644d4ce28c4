package io.holdfast.journal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Deletes delivered outbox rows ({@code routing_outbox}, owned by the routing bundle) in state
 * {@code DONE} whose {@code done_at} is older than the cutoff, in chunks of {@value #CHUNK} so the
 * dispatcher is never locked out of the table for long. Pending, leased and dead-lettered rows
 * are never touched. Without the routing bundle (no table) there is nothing to do.
 */
final class OutboxPruner {
    static final int CHUNK = 500;
    private static final String DUE = "FROM routing_outbox WHERE state = 'DONE' AND done_at < ?";

    private final DataSource dataSource;

    OutboxPruner(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Rows due, or empty when routing is not installed. */
    Optional<Long> due(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Sql.optionalTable(() -> Sql.longValue(c, "SELECT COUNT(*) " + DUE, cutoff.toEpochMilli()));
        }
    }

    long prune(Instant cutoff, BooleanSupplier stillHolding) throws SQLException {
        if (due(cutoff).isEmpty()) {
            return 0;
        }
        long deleted = 0;
        try (Connection c = dataSource.getConnection()) {
            while (stillHolding.getAsBoolean()) {
                List<Long> ids = ids(c, cutoff);
                if (ids.isEmpty()) {
                    break;
                }
                String in = String.join(",", ids.stream().map(String::valueOf).toList());
                // Re-checks the state: a row cannot leave DONE, but the check costs nothing and documents intent.
                deleted += Sql.update(c, "DELETE FROM routing_outbox WHERE state = 'DONE' AND id IN (" + in + ")");
            }
        }
        return deleted;
    }

    private static List<Long> ids(Connection c, Instant cutoff) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id " + DUE + " FETCH FIRST " + CHUNK + " ROWS ONLY")) {
            ps.setLong(1, cutoff.toEpochMilli());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }
}
