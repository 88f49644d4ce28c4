package io.holdfast.journal.internal;

import io.holdfast.api.kernel.ChainVerification;
import io.holdfast.api.kernel.PayloadInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Walks journal_stage in sequence order and checks every link: sequence without gaps (a deleted
 * row), canonical form matching the columns (an edited column), hash following from the previous
 * row (an edited canonical form, or rows reordered), and for RECEIVED / TRANSFORMED stages the
 * digest of the message, event and field rows they vouch for (an edit to those tables). After
 * retention pruned the oldest rows, the walk starts from the newest signed checkpoint (its HMAC
 * checked first) instead of the genesis hash. Payload bytes are not part of the chain (their
 * SHA-256 is), so pruned payload files do not affect it.
 */
final class ChainVerifier {
    private final DataSource dataSource;
    private final Checkpoints checkpoints;

    ChainVerifier(DataSource dataSource, Checkpoints checkpoints) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
    }

    ChainVerification verify() {
        long checked = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT seq, message_ref, stage, at_ms, system_id, credential, detail, "
                     + "payload_ref, payload_size, payload_sha256, canon, row_hash FROM journal_stage ORDER BY seq");
             CoveredRows covered = new CoveredRows(c)) {
            ps.setFetchSize(1000);
            Optional<Checkpoints.Checkpoint> checkpoint = Checkpoints.latest(c);
            if (checkpoint.isPresent() && !checkpoints.valid(checkpoint.get())) {
                return new ChainVerification(0, Optional.of(checkpoint.get().prunedToSeq()), Optional.of("the signed checkpoint "
                        + "after pruned row " + checkpoint.get().prunedToSeq() + " does not match its signature (edited or forged)"));
            }
            String prevHash = checkpoint.map(Checkpoints.Checkpoint::rowHash).orElse(StageRow.GENESIS);
            long prevSeq = checkpoint.map(Checkpoints.Checkpoint::prunedToSeq).orElse(0L);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    checked++;
                    long seq = rs.getLong(1);
                    String problem = check(rs, seq, prevSeq, prevHash, covered);
                    if (problem != null) {
                        return new ChainVerification(checked, Optional.of(seq), Optional.of(problem));
                    }
                    prevSeq = seq;
                    prevHash = rs.getString(12);
                }
            }
            return new ChainVerification(checked, Optional.empty(), Optional.empty());
        } catch (SQLException e) {
            throw JournalReader.unavailable(e);
        }
    }

    private static String check(ResultSet rs, long seq, long prevSeq, String prevHash, CoveredRows covered) throws SQLException {
        if (seq <= prevSeq) {
            return "row " + seq + " lies before the signed checkpoint (rows up to " + prevSeq + " were pruned) yet is present (inserted or restored)";
        }
        if (seq != prevSeq + 1) {
            return "row " + (prevSeq + 1) + (seq - prevSeq > 2 ? " to " + (seq - 1) : "") + " missing before row " + seq + " (deleted)";
        }
        String storedCanon = rs.getString(11);
        String ref = rs.getString(8);
        Optional<PayloadInfo> payload = ref == null ? Optional.empty() : Optional.of(new PayloadInfo(ref, rs.getLong(9), rs.getString(10)));
        long journalId = rs.getLong(2);
        String stage = rs.getString(3);
        String coveredDigest = storedCanon.substring(storedCanon.lastIndexOf('|') + 1);
        StageRow rebuilt = new StageRow(seq, journalId, stage, rs.getLong(4), rs.getString(5),
                rs.getString(6) == null ? "" : rs.getString(6), rs.getString(7) == null ? "" : rs.getString(7), payload, coveredDigest);
        if (!rebuilt.canon().equals(storedCanon)) {
            return "columns of row " + seq + " do not match its recorded form (edited)";
        }
        if (!Hashing.link(prevHash, storedCanon).equals(rs.getString(12))) {
            return "hash of row " + seq + " does not follow from row " + prevSeq + " (edited or reordered)";
        }
        Optional<String> actual = covered.digestFor(stage, journalId, seq);
        if (actual.isPresent() && !actual.get().equals(coveredDigest)) {
            return "message, event or field rows vouched for by row " + seq + " (journal id " + journalId + ") were changed";
        }
        return null;
    }
}
