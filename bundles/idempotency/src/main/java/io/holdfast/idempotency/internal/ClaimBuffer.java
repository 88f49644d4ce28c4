package io.holdfast.idempotency.internal;

import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.journal.api.BatchResource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of one batch: reads each key once, decides in order, and writes inserts and updates
 * as JDBC batches at flush. Keys are unique in the table, so two nodes claiming the same new key
 * at once cannot both insert: the loser's batch fails and is retried, then sees the row.
 */
final class ClaimBuffer implements BatchResource {
    private static final class Held {
        final boolean inserted;
        String contentDigest;
        Long occurredAt;
        String lastMessageId;
        int amendments;
        boolean dirty;
        String eventType;
        String firstMessageId;

        Held(boolean inserted) {
            this.inserted = inserted;
        }
    }

    private final Connection connection;
    private final PreparedStatement select;
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final long now;

    ClaimBuffer(Connection connection, long now) {
        this.connection = connection;
        this.now = now;
        try {
            this.select = connection.prepareStatement("SELECT content_digest, occurred_at, amendments, event_type, first_message_id "
                    + "FROM idempotency_key WHERE key_digest = ?");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare idempotency lookup: " + e.getMessage(), e);
        }
    }

    ClaimOutcome claim(String keyDigest, String eventType, String contentDigest, Long occurredAt, String messageId) throws SQLException {
        Held h = held.containsKey(keyDigest) ? held.get(keyDigest) : load(keyDigest);
        if (h == null) {
            h = new Held(true);
            h.eventType = eventType;
            h.firstMessageId = messageId;
            h.contentDigest = contentDigest;
            h.occurredAt = occurredAt;
            h.lastMessageId = messageId;
            h.dirty = true;
            held.put(keyDigest, h);
            return ClaimOutcome.NEW;
        }
        if (h.contentDigest.equals(contentDigest)) {
            return ClaimOutcome.DUPLICATE;
        }
        if (occurredAt != null && h.occurredAt != null && occurredAt < h.occurredAt) {
            return ClaimOutcome.STALE;
        }
        h.contentDigest = contentDigest;
        h.occurredAt = occurredAt != null ? occurredAt : h.occurredAt;
        h.lastMessageId = messageId;
        h.amendments++;
        h.dirty = true;
        return ClaimOutcome.AMENDMENT;
    }

    private Held load(String keyDigest) throws SQLException {
        select.setString(1, keyDigest);
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            Held h = new Held(false);
            h.contentDigest = rs.getString(1);
            long occurred = rs.getLong(2);
            h.occurredAt = rs.wasNull() ? null : occurred;
            h.amendments = rs.getInt(3);
            h.eventType = rs.getString(4);
            h.firstMessageId = rs.getString(5);
            held.put(keyDigest, h);
            return h;
        }
    }

    @Override
    public void flush() throws SQLException {
        try (PreparedStatement ins = connection.prepareStatement("INSERT INTO idempotency_key (key_digest, event_type, content_digest, "
                + "occurred_at, first_message_id, last_message_id, amendments, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?)");
             PreparedStatement upd = connection.prepareStatement("UPDATE idempotency_key SET content_digest = ?, occurred_at = ?, "
                     + "last_message_id = ?, amendments = ?, last_seen = ? WHERE key_digest = ?")) {
            int inserts = 0;
            int updates = 0;
            for (Map.Entry<String, Held> e : held.entrySet()) {
                Held h = e.getValue();
                if (!h.dirty) {
                    continue;
                }
                if (h.inserted) {
                    ins.setString(1, e.getKey());
                    ins.setString(2, h.eventType);
                    ins.setString(3, h.contentDigest);
                    setLong(ins, 4, h.occurredAt);
                    ins.setString(5, h.firstMessageId);
                    ins.setString(6, h.lastMessageId);
                    ins.setInt(7, h.amendments);
                    ins.setLong(8, now);
                    ins.setLong(9, now);
                    ins.addBatch();
                    inserts++;
                } else {
                    upd.setString(1, h.contentDigest);
                    setLong(upd, 2, h.occurredAt);
                    upd.setString(3, h.lastMessageId);
                    upd.setInt(4, h.amendments);
                    upd.setLong(5, now);
                    upd.setString(6, e.getKey());
                    upd.addBatch();
                    updates++;
                }
            }
            if (inserts > 0) {
                ins.executeBatch();
            }
            if (updates > 0) {
                upd.executeBatch();
            }
        }
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.BIGINT);
        } else {
            ps.setLong(i, v);
        }
    }

    @Override
    public void close() throws SQLException {
        select.close();
    }
}
