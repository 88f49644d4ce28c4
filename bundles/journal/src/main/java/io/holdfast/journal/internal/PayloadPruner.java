package io.holdfast.journal.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Prunes payload files whose newest payload is older than the cutoff: closed segment files and
 * large-payload files, judged by their modification time (a segment is last written when its
 * newest payload is appended; a copy restored from backup only looks younger, which delays
 * pruning, never hastens it). Files holding a payload of a message with an open outbox row
 * (pending, leased, dead-lettered) are kept. Each pruned file is recorded in
 * {@code journal_pruned_payload} before it is deleted, so reading such a payload says "pruned by
 * retention" rather than "missing". The hash chain covers payload digests, not bytes: it still
 * verifies.
 */
final class PayloadPruner {
    private final DataSource dataSource;
    private final PayloadStore payloads;
    private final Clock clock;

    PayloadPruner(DataSource dataSource, PayloadStore payloads, Clock clock) {
        this.dataSource = dataSource;
        this.payloads = payloads;
        this.clock = clock;
    }

    List<String> due(Instant cutoff) throws SQLException, IOException {
        Set<String> held = heldByOpenDeliveries();
        List<String> due = new ArrayList<>();
        for (PayloadStore.Container c : payloads.closedContainers()) {
            if (c.lastModified().isBefore(cutoff) && !held.contains(c.name())) {
                due.add(c.name());
            }
        }
        return due;
    }

    int prune(Instant cutoff, BooleanSupplier stillHolding) throws SQLException, IOException {
        int pruned = 0;
        for (String container : due(cutoff)) {
            if (!stillHolding.getAsBoolean()) {
                break;
            }
            record(container);
            payloads.delete(container);
            pruned++;
        }
        return pruned;
    }

    /** When a payload's file was pruned by retention, if it was. */
    Optional<Instant> prunedAt(String ref) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pruned_at FROM journal_pruned_payload WHERE container = ?")) {
            ps.setString(1, PayloadStore.containerOf(ref));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw JournalReader.unavailable(e);
        }
    }

    private void record(String container) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (Sql.longValue(c, "SELECT COUNT(*) FROM journal_pruned_payload WHERE container = ?", container) == 0) {
                Sql.update(c, "INSERT INTO journal_pruned_payload (container, pruned_at) VALUES (?, ?)", container, clock.millis());
            }
        }
    }

    private Set<String> heldByOpenDeliveries() throws SQLException {
        Set<String> held = new HashSet<>();
        String open = "IN (SELECT o.journal_id FROM routing_outbox o WHERE o.state <> 'DONE')";
        try (Connection c = dataSource.getConnection()) {
            Sql.optionalTable(() -> {
                collect(c, "SELECT payload_ref FROM journal_message WHERE payload_ref IS NOT NULL AND id " + open, held);
                collect(c, "SELECT payload_ref FROM journal_stage WHERE payload_ref IS NOT NULL AND message_ref " + open, held);
                return held;
            });
        }
        return held;
    }

    private static void collect(Connection c, String sql, Set<String> into) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                into.add(PayloadStore.containerOf(rs.getString(1)));
            }
        }
    }
}
