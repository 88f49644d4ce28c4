package io.holdfast.journal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Signed chain checkpoints: when retention prunes the oldest journal rows it records the last
 * pruned row's sequence number and hash, signed with an HMAC-SHA256 under the master FIELD_DIGEST
 * key (domain-separated by the {@code holdfast-journal-checkpoint|v1|} prefix; that key is never
 * rotated, so old checkpoints stay checkable). Verification then starts from the newest
 * checkpoint instead of the genesis hash, and can only be fooled by someone holding the master key.
 */
final class Checkpoints {
    /** One checkpoint; {@code lastJournalId} keeps journal ids from being reused once their rows are gone. */
    record Checkpoint(long prunedToSeq, String rowHash, long lastJournalId, long prunedAtMillis, String mac) {
    }

    private final UnaryOperator<String> hmac;

    Checkpoints(UnaryOperator<String> hmac) {
        this.hmac = hmac;
    }

    Checkpoint sign(long seq, String rowHash, long lastJournalId, long atMillis) {
        return new Checkpoint(seq, rowHash, lastJournalId, atMillis, hmac.apply(signedText(seq, rowHash, lastJournalId, atMillis)));
    }

    boolean valid(Checkpoint c) {
        return hmac.apply(signedText(c.prunedToSeq(), c.rowHash(), c.lastJournalId(), c.prunedAtMillis())).equals(c.mac());
    }

    private static String signedText(long seq, String rowHash, long lastJournalId, long atMillis) {
        return "holdfast-journal-checkpoint|v1|" + seq + "|" + rowHash + "|" + lastJournalId + "|" + atMillis;
    }

    static void insert(Connection c, Checkpoint cp) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO journal_checkpoint (pruned_to_seq, row_hash, last_journal_id, pruned_at, mac) VALUES (?,?,?,?,?)")) {
            ps.setLong(1, cp.prunedToSeq());
            ps.setString(2, cp.rowHash());
            ps.setLong(3, cp.lastJournalId());
            ps.setLong(4, cp.prunedAtMillis());
            ps.setString(5, cp.mac());
            ps.executeUpdate();
        }
    }

    /** The newest checkpoint (the one the remaining chain continues from), if rows were ever pruned. */
    static Optional<Checkpoint> latest(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pruned_to_seq, row_hash, last_journal_id, pruned_at, mac "
                + "FROM journal_checkpoint ORDER BY pruned_to_seq DESC FETCH FIRST 1 ROWS ONLY");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new Checkpoint(rs.getLong(1), rs.getString(2).trim(), rs.getLong(3), rs.getLong(4),
                    rs.getString(5).trim())) : Optional.empty();
        }
    }
}
