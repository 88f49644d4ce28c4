package io.holdfast.journal.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.FieldEntry;
import io.holdfast.api.kernel.JournalCounts;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Read side of the journal: trace queries, in-flight, counts. */
final class JournalReader {
    private static final String IN_FLIGHT = "SELECT DISTINCT r.message_ref FROM journal_stage r WHERE r.stage = 'ROUTED' "
            + "AND NOT EXISTS (SELECT 1 FROM journal_stage t WHERE t.message_ref = r.message_ref AND t.system_id = r.system_id "
            + "AND t.stage IN ('ACKED', 'DEAD_LETTER')) ORDER BY r.message_ref";

    private final DataSource dataSource;
    private final DetailCipher details;

    JournalReader(DataSource dataSource, DetailCipher details) {
        this.dataSource = dataSource;
        this.details = details;
    }

    Optional<JournalEntry> find(long id) {
        List<JournalEntry> list = load(List.of(id));
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }

    List<JournalEntry> byMessageId(String messageId) {
        return load(ids("SELECT id FROM journal_message WHERE message_id = ? ORDER BY id", messageId, 1000));
    }

    List<JournalEntry> byKeyDigest(String keyDigest) {
        return load(ids("SELECT DISTINCT message_ref FROM journal_event WHERE key_digest = ? ORDER BY message_ref", keyDigest, 1000));
    }

    List<JournalEntry> byNhsDigest(String nhsDigest) {
        return load(ids("SELECT DISTINCT message_ref FROM journal_event WHERE nhs_digest = ? ORDER BY message_ref", nhsDigest, 1000));
    }

    List<JournalEntry> bySystem(String systemId, int limit) {
        return load(ids("SELECT DISTINCT message_ref FROM journal_stage WHERE system_id = ? ORDER BY message_ref DESC", systemId, limit));
    }

    List<JournalEntry> inFlight(int limit) {
        return load(ids(IN_FLIGHT, null, limit));
    }

    private List<Long> ids(String sql, String param, int limit) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (param != null) {
                ps.setString(1, param);
            }
            ps.setMaxRows(limit);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private List<JournalEntry> load(List<Long> ids) {
        List<JournalEntry> out = new ArrayList<>(ids.size());
        try (Connection c = dataSource.getConnection();
             PreparedStatement m = c.prepareStatement("SELECT id, message_id, source_system, channel, received_at, wire_format, "
                     + "payload_ref, payload_size, payload_sha256 FROM journal_message WHERE id = ?");
             PreparedStatement e = c.prepareStatement("SELECT event_type, key_digest, claim FROM journal_event WHERE message_ref = ? ORDER BY idx");
             PreparedStatement s = c.prepareStatement("SELECT seq, stage, at_ms, system_id, credential, detail, payload_ref, payload_size, "
                     + "payload_sha256 FROM journal_stage WHERE message_ref = ? ORDER BY seq")) {
            for (long id : ids) {
                m.setLong(1, id);
                try (ResultSet rs = m.executeQuery()) {
                    if (rs.next()) {
                        out.add(entry(rs, e, s));
                    }
                }
            }
            return out;
        } catch (SQLException ex) {
            throw unavailable(ex);
        }
    }

    private JournalEntry entry(ResultSet m, PreparedStatement events, PreparedStatement stages) throws SQLException {
        long id = m.getLong(1);
        Optional<String> type = Optional.empty();
        Optional<String> key = Optional.empty();
        Optional<ClaimOutcome> claim = Optional.empty();
        events.setLong(1, id);
        try (ResultSet rs = events.executeQuery()) {
            if (rs.next()) {
                type = Optional.of(rs.getString(1));
                key = Optional.of(rs.getString(2));
                claim = Optional.of(ClaimOutcome.valueOf(rs.getString(3)));
            }
        }
        List<StageEntry> list = new ArrayList<>();
        stages.setLong(1, id);
        try (ResultSet rs = stages.executeQuery()) {
            while (rs.next()) {
                String cred = rs.getString(5);
                long seq = rs.getLong(1);
                list.add(new StageEntry(seq, Stage.valueOf(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)),
                        rs.getString(4), cred == null || cred.isEmpty() ? Optional.empty() : Optional.of(cred),
                        details.open(seq, rs.getString(6)), payload(rs, 7)));
            }
        }
        return new JournalEntry(id, m.getString(2), m.getString(3), m.getString(4), Instant.ofEpochMilli(m.getLong(5)),
                m.getString(6), type, key, claim, payload(m, 7), list);
    }

    private static Optional<PayloadInfo> payload(ResultSet rs, int first) throws SQLException {
        String ref = rs.getString(first);
        return ref == null ? Optional.empty() : Optional.of(new PayloadInfo(ref, rs.getLong(first + 1), rs.getString(first + 2)));
    }

    List<FieldEntry> fields(long journalId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT body FROM journal_field WHERE message_ref = ? ORDER BY stage_seq, part")) {
            ps.setLong(1, journalId);
            StringBuilder sb = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sb.append(rs.getString(1));
                }
            }
            return FieldCodec.decode(sb.toString());
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    JournalCounts counts() {
        try (Connection c = dataSource.getConnection()) {
            return new JournalCounts(count(c, "SELECT COUNT(*) FROM journal_message"), count(c, "SELECT COUNT(*) FROM journal_stage"),
                    count(c, "SELECT COUNT(*) FROM journal_field"), count(c, "SELECT COUNT(*) FROM (" + IN_FLIGHT + ") f"),
                    count(c, "SELECT COUNT(*) FROM journal_stage WHERE stage = 'REJECTED'"));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /**
     * Chain position of the newest committed row; when retention pruned every row, the newest
     * signed checkpoint's position, so sequence numbers and journal ids are never reused.
     */
    ChainState chainState() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, row_hash FROM journal_stage ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            Optional<Checkpoints.Checkpoint> checkpoint = Checkpoints.latest(c);
            long maxId = Math.max(count(c, "SELECT COALESCE(MAX(id), 0) FROM journal_message"),
                    checkpoint.map(Checkpoints.Checkpoint::lastJournalId).orElse(0L));
            if (rs.next()) {
                return new ChainState(rs.getLong(1), rs.getString(2), maxId);
            }
            return checkpoint.map(cp -> new ChainState(cp.prunedToSeq(), cp.rowHash(), maxId))
                    .orElse(new ChainState(0, StageRow.GENESIS, maxId));
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** The last sequence number retention pruned (verification starts after it), if any. */
    Optional<Long> prunedToSeq() {
        try (Connection c = dataSource.getConnection()) {
            return Checkpoints.latest(c).map(Checkpoints.Checkpoint::prunedToSeq);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.replace("ORDER BY r.message_ref", "")); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static HoldfastException unavailable(SQLException e) {
        return new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "journal query failed: " + e.getMessage(), e);
    }
}
