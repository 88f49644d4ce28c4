package io.holdfast.benchmarks.kernel;

import io.holdfast.api.message.FieldMapping;
import io.holdfast.benchmarks.ChildJvm;
import io.holdfast.benchmarks.ClosedLoopDriver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Baseline side of the commit comparison (runs in its own JVM): the rows Holdfast writes for one
 * admission — journal_message, journal_event, journal_stage x3 (RECEIVED, TRANSFORMED, ROUTED),
 * journal_field (one row of encoded fields), idempotency_key after a SELECT — written with plain
 * JDBC, one transaction per event, one connection per sender thread. The schema is created by the
 * real migrations (the kernel is opened once on the database and closed). Values are computed as
 * a plain application would: HMAC digests for key, NHS number and fields, SHA-256 row hashes.
 * Args: workDir threads warmupEvents windowSeconds.
 */
public final class PlainJdbcBaseline {
    private final EmbeddedDataSource dataSource;
    private final AtomicLong messageIds = new AtomicLong();
    private final AtomicLong stageSeqs = new AtomicLong();
    private final byte[] hmacKey = new byte[32];
    private final ThreadLocal<Sender> senders;

    PlainJdbcBaseline(Path dir) {
        try (HoldfastKernel schemaOnly = HoldfastKernel.inbound(dir)) {
            // Opening the kernel ran the journal and idempotency migrations; nothing else is used.
        }
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName(dir.resolve("holdfast/derby").toString());
        new SecureRandom().nextBytes(hmacKey);
        senders = ThreadLocal.withInitial(this::newSender);
    }

    private Sender newSender() {
        try {
            return new Sender(dataSource.getConnection());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void write(AdtA01Workload.AdtA01 m) throws Exception {
        senders.get().write(m);
    }

    /** One sender thread's connection and statements. */
    private final class Sender {
        private final Connection c;
        private final PreparedStatement selectKey;
        private final PreparedStatement insertMessage;
        private final PreparedStatement insertEvent;
        private final PreparedStatement insertStage;
        private final PreparedStatement insertField;
        private final PreparedStatement insertKey;
        private final Mac mac;
        private final MessageDigest sha;
        private String lastHash = "0".repeat(64);

        Sender(Connection c) throws SQLException {
            this.c = c;
            c.setAutoCommit(false);
            selectKey = c.prepareStatement("SELECT content_digest, occurred_at, amendments, event_type, first_message_id "
                    + "FROM idempotency_key WHERE key_digest = ?");
            insertMessage = c.prepareStatement("INSERT INTO journal_message (id, message_id, correlation_id, source_system, channel, "
                    + "received_at, wire_format, payload_ref, payload_size, payload_sha256) VALUES (?,?,?,?,?,?,?,?,?,?)");
            insertEvent = c.prepareStatement("INSERT INTO journal_event (message_ref, idx, event_type, key_digest, nhs_digest, claim) "
                    + "VALUES (?,?,?,?,?,?)");
            insertStage = c.prepareStatement("INSERT INTO journal_stage (seq, message_ref, stage, at_ms, system_id, credential, detail, "
                    + "payload_ref, payload_size, payload_sha256, canon, row_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)");
            insertField = c.prepareStatement("INSERT INTO journal_field (message_ref, stage_seq, part, body) VALUES (?,?,?,?)");
            insertKey = c.prepareStatement("INSERT INTO idempotency_key (key_digest, event_type, content_digest, occurred_at, "
                    + "first_message_id, last_message_id, amendments, first_seen, last_seen) VALUES (?,?,?,?,?,?,?,?,?)");
            try {
                mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
                sha = MessageDigest.getInstance("SHA-256");
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        void write(AdtA01Workload.AdtA01 m) throws SQLException {
            String keyDigest = hmac(m.event().key().token());
            String nhsDigest = hmac(m.event().nhsNumber().orElseThrow().value());
            String payloadSha = hex(sha.digest(m.payload()));
            String fieldBody = fields(m);
            long now = System.currentTimeMillis();
            long id = messageIds.incrementAndGet();
            long seq = stageSeqs.addAndGet(3) - 2;
            try {
                selectKey.setString(1, keyDigest);
                try (ResultSet rs = selectKey.executeQuery()) {
                    if (rs.next()) {
                        throw new IllegalStateException("every event is a new visit");
                    }
                }
                String payloadRef = "s:1:" + id + ":" + m.payload().length;
                insertMessage.setLong(1, id);
                insertMessage.setString(2, m.envelope().messageId());
                insertMessage.setNull(3, Types.VARCHAR);
                insertMessage.setString(4, m.envelope().sourceSystem());
                insertMessage.setString(5, m.envelope().channel());
                insertMessage.setLong(6, m.envelope().receivedAt().toEpochMilli());
                insertMessage.setString(7, m.envelope().wireFormat().toString());
                insertMessage.setString(8, payloadRef);
                insertMessage.setLong(9, m.payload().length);
                insertMessage.setString(10, payloadSha);
                insertMessage.executeUpdate();
                insertEvent.setLong(1, id);
                insertEvent.setInt(2, 0);
                insertEvent.setString(3, m.event().type());
                insertEvent.setString(4, keyDigest);
                insertEvent.setString(5, nhsDigest);
                insertEvent.setString(6, "NEW");
                insertEvent.executeUpdate();
                stage(seq, id, "RECEIVED", now, m.envelope().sourceSystem(), m.envelope().channel(), payloadRef, m.payload().length, payloadSha);
                stage(seq + 1, id, "TRANSFORMED", now, m.envelope().sourceSystem(), "Admission NEW", null, 0, null);
                insertField.setLong(1, id);
                insertField.setLong(2, seq + 1);
                insertField.setInt(3, 0);
                insertField.setString(4, fieldBody);
                insertField.executeUpdate();
                stage(seq + 2, id, "ROUTED", now, "epr", "route adt-to-epr event 0 NEW", null, 0, null);
                insertKey.setString(1, keyDigest);
                insertKey.setString(2, m.event().type());
                insertKey.setString(3, m.event().digest().hex());
                insertKey.setLong(4, m.event().occurredAt().orElseThrow().toEpochMilli());
                insertKey.setString(5, m.envelope().messageId());
                insertKey.setString(6, m.envelope().messageId());
                insertKey.setInt(7, 0);
                insertKey.setLong(8, now);
                insertKey.setLong(9, now);
                insertKey.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }

        private void stage(long seq, long id, String stage, long at, String system, String detail, String payloadRef, long size,
                           String payloadSha) throws SQLException {
            String canon = "v1|" + seq + "|" + id + "|" + stage + "|" + at + "|" + system + "||" + hex(sha.digest(detail.getBytes(StandardCharsets.UTF_8)))
                    + "|" + (payloadRef == null ? "" : payloadRef + ":" + size + ":" + payloadSha) + "|" + lastHash;
            lastHash = hex(sha.digest((lastHash + canon).getBytes(StandardCharsets.UTF_8)));
            insertStage.setLong(1, seq);
            insertStage.setLong(2, id);
            insertStage.setString(3, stage);
            insertStage.setLong(4, at);
            insertStage.setString(5, system);
            insertStage.setString(6, "");
            insertStage.setString(7, detail);
            if (payloadRef == null) {
                insertStage.setNull(8, Types.VARCHAR);
                insertStage.setNull(9, Types.BIGINT);
                insertStage.setNull(10, Types.CHAR);
            } else {
                insertStage.setString(8, payloadRef);
                insertStage.setLong(9, size);
                insertStage.setString(10, payloadSha);
            }
            insertStage.setString(11, canon);
            insertStage.setString(12, lastHash);
            insertStage.executeUpdate();
        }

        private String fields(AdtA01Workload.AdtA01 m) {
            StringBuilder sb = new StringBuilder(m.trail().size() * 128);
            for (FieldMapping f : m.trail().mappings()) {
                sb.append(f.sourcePath()).append('\t').append(f.canonicalPath()).append('\t').append(f.targetPath()).append('\t')
                        .append(hmac(f.value())).append('\n');
            }
            return sb.toString();
        }

        private String hmac(String value) {
            return hex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        long warmup = Long.parseLong(args[2]);
        double seconds = Double.parseDouble(args[3]);
        AdtA01Workload workload = new AdtA01Workload("B" + threads);
        PlainJdbcBaseline baseline = new PlainJdbcBaseline(dir);
        ClosedLoopDriver.Throughput t = new ClosedLoopDriver(threads, warmup, seconds)
                .run((thread, seq) -> baseline.write(workload.message(thread, seq)), () -> { }, () -> { });
        ChildJvm.measured("events_per_s", t.eventsPerSecond());
        ChildJvm.measured("events", t.events());
        ChildJvm.measured("p50_ms", t.p50Ms());
        ChildJvm.measured("p99_ms", t.p99Ms());
        ChildJvm.measured("commits_per_msg", 1.0);
    }
}
