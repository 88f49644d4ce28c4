package io.holdfast.idempotency.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.EventKey;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.ClaimRecord;
import io.holdfast.api.kernel.Idempotency;
import io.holdfast.idempotency.api.Claims;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.journal.api.WriteBatch;
import io.holdfast.store.api.Store;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Clinical-event idempotency on natural keys. Standalone claims go through the journal writer
 * too, so every claim is serialised with Intake's batches.
 */
public final class IdempotencyCore implements Idempotency, Claims {
    private final Store store;
    private final JournalWriter writer;

    public IdempotencyCore(Store store, JournalWriter writer) {
        this.store = store;
        this.writer = writer;
        store.migrate(IdempotencySchema.MODULE, IdempotencySchema.MIGRATIONS);
    }

    @Override
    public ClaimOutcome claim(WriteBatch batch, ClinicalEvent event, String keyDigest, String contentDigest, String messageId) {
        ClaimBuffer buffer = batch.resource(ClaimBuffer.class, c -> new ClaimBuffer(c, System.currentTimeMillis()));
        try {
            return buffer.claim(keyDigest, event.type(), contentDigest, event.occurredAt().map(Instant::toEpochMilli).orElse(null),
                    messageId);
        } catch (SQLException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "idempotency lookup failed: " + e.getMessage(), e);
        }
    }

    @Override
    public ClaimOutcome claim(ClinicalEvent event, String messageId) {
        String digest = writer.digest(event.key().token());
        try {
            return writer.submit(b -> claim(b, event, digest, messageId)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    @Override
    public Optional<ClaimRecord> find(EventKey key) {
        String digest = writer.digest(key.token());
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT event_type, content_digest, occurred_at, first_message_id, "
                     + "last_message_id, amendments, first_seen, last_seen FROM idempotency_key WHERE key_digest = ?")) {
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long occurred = rs.getLong(3);
                Optional<Instant> occurredAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(occurred));
                return Optional.of(new ClaimRecord(digest, rs.getString(1), rs.getString(2), occurredAt, rs.getString(4),
                        rs.getString(5), rs.getInt(6), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8))));
            }
        } catch (SQLException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "idempotency query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public long count() {
        try (Connection c = store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM idempotency_key");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "idempotency query failed: " + e.getMessage(), e);
        }
    }
}
