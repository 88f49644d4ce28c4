package io.holdfast.journal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Recomputes the digest a RECEIVED or TRANSFORMED stage recorded over its message's rows. */
final class CoveredRows implements AutoCloseable {
    private final PreparedStatement message;
    private final PreparedStatement events;
    private final PreparedStatement fields;

    CoveredRows(Connection c) throws SQLException {
        message = c.prepareStatement("SELECT message_id, correlation_id, source_system, channel, received_at, wire_format, "
                + "payload_ref, payload_size, payload_sha256 FROM journal_message WHERE id = ?");
        events = c.prepareStatement("SELECT idx, event_type, key_digest, nhs_digest, claim FROM journal_event WHERE message_ref = ? ORDER BY idx");
        fields = c.prepareStatement("SELECT body FROM journal_field WHERE stage_seq = ? ORDER BY part");
    }

    Optional<String> digestFor(String stage, long journalId, long seq) throws SQLException {
        if ("RECEIVED".equals(stage)) {
            return Optional.of(messageDigest(journalId));
        }
        if ("TRANSFORMED".equals(stage)) {
            return Optional.of(transformedDigest(journalId, seq));
        }
        return Optional.empty();
    }

    private String messageDigest(long journalId) throws SQLException {
        message.setLong(1, journalId);
        try (ResultSet rs = message.executeQuery()) {
            if (!rs.next()) {
                return "missing journal_message " + journalId;
            }
            String ref = rs.getString(7);
            var payload = ref == null ? Optional.<io.holdfast.api.kernel.PayloadInfo>empty()
                    : Optional.of(new io.holdfast.api.kernel.PayloadInfo(ref, rs.getLong(8), rs.getString(9)));
            return MessageCanon.message(rs.getString(1), rs.getString(2) == null ? "" : rs.getString(2), rs.getString(3),
                    rs.getString(4), rs.getLong(5), rs.getString(6), payload);
        }
    }

    private String transformedDigest(long journalId, long seq) throws SQLException {
        StringBuilder covered = new StringBuilder();
        events.setLong(1, journalId);
        try (ResultSet rs = events.executeQuery()) {
            while (rs.next()) {
                covered.append(MessageCanon.event(rs.getInt(1), rs.getString(2), rs.getString(3), String.valueOf(rs.getString(4)),
                        rs.getString(5)));
            }
        }
        StringBuilder body = new StringBuilder();
        fields.setLong(1, seq);
        try (ResultSet rs = fields.executeQuery()) {
            while (rs.next()) {
                body.append(rs.getString(1));
            }
        }
        covered.append(Hashing.sha256(body.toString()));
        return Hashing.sha256(covered.toString());
    }

    @Override
    public void close() throws SQLException {
        message.close();
        events.close();
        fields.close();
    }
}
