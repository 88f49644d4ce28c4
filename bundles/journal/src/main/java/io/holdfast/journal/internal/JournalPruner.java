package io.holdfast.journal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;

/**
 * Prunes the oldest journal rows: stage rows in sequence order up to the first row younger than
 * the legal-hold cutoff, never past a message that still has an open outbox row (pending, leased
 * or dead-lettered). Works in chunks of {@value #CHUNK} rows, each one transaction that deletes the
 * rows and records a signed {@link Checkpoints checkpoint} for the last of them, so a run stopped
 * half-way (lease lost, crash) leaves a chain that verifies. Message, event and field rows go with
 * the last stage row that refers to them.
 */
final class JournalPruner {
    static final int CHUNK = 2000;

    private final DataSource dataSource;
    private final Checkpoints checkpoints;
    private final Clock clock;

    JournalPruner(DataSource dataSource, Checkpoints checkpoints, Clock clock) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /** The range of stage rows due: first and last sequence number, or empty. */
    Optional<long[]> due(Instant cutoff) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            long first = Sql.longValue(c, "SELECT COALESCE(MIN(seq), 0) FROM journal_stage");
            long last = lastPrunable(c, cutoff);
            return first == 0 || last < first ? Optional.empty() : Optional.of(new long[] {first, last});
        }
    }

    /** Prunes what is due; returns rows deleted and the last pruned sequence number. */
    long[] prune(Instant cutoff, BooleanSupplier stillHolding) throws SQLException {
        Optional<long[]> range = due(cutoff);
        if (range.isEmpty()) {
            return new long[] {0, 0};
        }
        long deleted = 0;
        long prunedTo = 0;
        for (long from = range.get()[0]; from <= range.get()[1] && stillHolding.getAsBoolean(); from += CHUNK) {
            long to = Math.min(from + CHUNK - 1, range.get()[1]);
            deleted += pruneChunk(to);
            prunedTo = to;
        }
        return new long[] {deleted, prunedTo};
    }

    /** Last sequence number before the first row younger than the cutoff or belonging to an open delivery. */
    private static long lastPrunable(Connection c, Instant cutoff) throws SQLException {
        long last = Sql.longValue(c, "SELECT COALESCE(MAX(seq), 0) FROM journal_stage");
        try (PreparedStatement ps = c.prepareStatement("SELECT seq FROM journal_stage WHERE at_ms >= ? ORDER BY seq FETCH FIRST 1 ROWS ONLY")) {
            // Walks the primary key from the oldest row; the prunable prefix is what it reads.
            ps.setLong(1, cutoff.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    last = rs.getLong(1) - 1;
                }
            }
        }
        Optional<Long> open = Sql.optionalTable(() -> Sql.longValue(c, "SELECT COALESCE(MIN(s.seq), 0) FROM journal_stage s "
                + "WHERE s.message_ref IN (SELECT o.journal_id FROM routing_outbox o WHERE o.state <> 'DONE')"));
        if (open.isPresent() && open.get() > 0) {
            last = Math.min(last, open.get() - 1);
        }
        return last;
    }

    private long pruneChunk(long to) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String hash = Sql.stringValue(c, "SELECT row_hash FROM journal_stage WHERE seq = ?", to);
                long maxRef = Sql.longValue(c, "SELECT COALESCE(MAX(message_ref), 0) FROM journal_stage WHERE seq <= ?", to);
                long lastId = Math.max(Sql.longValue(c, "SELECT COALESCE(MAX(id), 0) FROM journal_message"),
                        Checkpoints.latest(c).map(Checkpoints.Checkpoint::lastJournalId).orElse(0L));
                Checkpoints.insert(c, checkpoints.sign(to, hash.trim(), lastId, clock.millis()));
                Sql.update(c, "DELETE FROM journal_field WHERE stage_seq <= ?", to);
                long rows = Sql.update(c, "DELETE FROM journal_stage WHERE seq <= ?", to);
                String orphan = " WHERE %s <= ? AND NOT EXISTS (SELECT 1 FROM journal_stage s WHERE s.message_ref = %s)";
                Sql.update(c, "DELETE FROM journal_event" + orphan.formatted("message_ref", "journal_event.message_ref"), maxRef);
                Sql.update(c, "DELETE FROM journal_message" + orphan.formatted("id", "journal_message.id"), maxRef);
                c.commit();
                return rows;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }
}
