package io.holdfast.journal.internal;

import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldMapping;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.journal.api.BatchResource;
import io.holdfast.journal.api.WriteBatch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Row buffers of one batch transaction. Rows are written with JDBC batches at {@link #flush()},
 * after every task ran; the chain is extended in the order tasks added stages.
 */
final class JournalBatch implements WriteBatch {
    private record MessageRow(long id, Envelope env, Optional<PayloadInfo> payload) {
    }

    private record EventRow(long journalId, int index, String type, String keyDigest, String nhsDigest, String claim) {
    }

    private record FieldRow(long journalId, long stageSeq, int part, String body) {
    }

    private final Connection connection;
    private final BatchContext context;
    private final PayloadStore payloads;
    private final FieldPolicy policy;
    private final UnaryOperator<String> digest;
    private final Clock clock;
    private final List<MessageRow> messages = new ArrayList<>();
    private final List<EventRow> events = new ArrayList<>();
    private final List<StageRow> stages = new ArrayList<>();
    private final List<String> hashes = new ArrayList<>();
    private final List<FieldRow> fields = new ArrayList<>();
    private final Map<Class<?>, BatchResource> resources = new LinkedHashMap<>();
    private long lastSeq;
    private String lastHash;
    private long lastJournalId;

    JournalBatch(Connection connection, ChainState start, BatchContext context) {
        this.connection = connection;
        this.context = context;
        this.payloads = context.payloads();
        this.policy = context.policy();
        this.digest = context.digest();
        this.clock = context.clock();
        this.lastSeq = start.lastSeq();
        this.lastHash = start.lastHash();
        this.lastJournalId = start.lastJournalId();
    }

    @Override
    public Connection connection() {
        return connection;
    }

    /** Refused while the disk guard refuses input: a new message is new input (stages of held ones are not). */
    @Override
    public long addMessage(Envelope envelope, Optional<PayloadInfo> payload) {
        context.guard().admitNewMessage();
        return addMessageUnguarded(envelope, payload);
    }

    /** For Holdfast's own admin records (a retention run), which must be journaled even on a nearly full disk. */
    long addMessageUnguarded(Envelope envelope, Optional<PayloadInfo> payload) {
        long id = ++lastJournalId;
        messages.add(new MessageRow(id, envelope, payload));
        addStageRow(id, Stage.RECEIVED, envelope.sourceSystem(), senderIdentity(envelope), envelope.channel(), payload,
                messageDigest(envelope, payload));
        return id;
    }

    /**
     * The identity the sender authenticated as ({@link Envelope#ATTR_AUTH_IDENTITY}: an inbound endpoint's mutual-TLS
     * subject or bearer subject, a poller's mailbox credential), kept in RECEIVED's credential column like the
     * identity of an outbound call. Cut to the column's 255 characters.
     */
    static String senderIdentity(Envelope envelope) {
        String identity = envelope.attributes().getOrDefault(Envelope.ATTR_AUTH_IDENTITY, "");
        return identity.length() <= 255 ? identity : identity.substring(0, 255);
    }

    /** Digest of the message row as stored, for the RECEIVED stage to vouch for. */
    static String messageDigest(Envelope e, Optional<PayloadInfo> payload) {
        return MessageCanon.message(e.messageId(), e.correlationId().orElse(""), e.sourceSystem(), e.channel(),
                e.receivedAt().toEpochMilli(), e.wireFormat().toString(), payload);
    }

    @Override
    public long addTransformed(long journalId, String systemId, String detail, List<EventRecord> eventRecords,
                               List<FieldMapping> mappings) {
        StringBuilder covered = new StringBuilder();
        for (int i = 0; i < eventRecords.size(); i++) {
            EventRecord e = eventRecords.get(i);
            String nhs = e.nhsNumberDigest().orElse(null);
            events.add(new EventRow(journalId, i, e.eventType(), e.keyDigest(), nhs, e.claim().name()));
            covered.append(MessageCanon.event(i, e.eventType(), e.keyDigest(), String.valueOf(nhs), e.claim().name()));
        }
        String body = mappings.isEmpty() ? "" : FieldCodec.encode(mappings, policy, digest);
        covered.append(Hashing.sha256(body));
        long seq = addStage(journalId, Stage.TRANSFORMED, systemId, Optional.empty(), detail, Optional.empty(),
                Hashing.sha256(covered.toString()));
        List<String> parts = FieldCodec.split(body);
        for (int i = 0; i < parts.size(); i++) {
            fields.add(new FieldRow(journalId, seq, i, parts.get(i)));
        }
        return seq;
    }

    @Override
    public long addStage(long journalId, Stage stage, String systemId, Optional<CredentialIdentity> credential,
                         String detail, Optional<PayloadInfo> payload, String coveredDigest) {
        return addStageRow(journalId, stage, systemId, credential.map(CredentialIdentity::describe).orElse(""), detail,
                payload, coveredDigest);
    }

    private long addStageRow(long journalId, Stage stage, String systemId, String credential, String detail,
                             Optional<PayloadInfo> payload, String coveredDigest) {
        long seq = ++lastSeq;
        StageRow row = new StageRow(seq, journalId, stage.name(), clock.millis(), systemId,
                credential, context.details().seal(seq, detail), payload, coveredDigest);
        lastHash = Hashing.link(lastHash, row.canon());
        stages.add(row);
        hashes.add(lastHash);
        return row.seq();
    }

    @Override
    public PayloadInfo appendPayload(byte[] sealed, long plainSize, String plainSha256) {
        try {
            return payloads.append(sealed, plainSize, plainSha256);
        } catch (IOException e) {
            throw new UncheckedIOException("payload segment write failed", e);
        }
    }

    @Override
    public <R extends BatchResource> R resource(Class<R> type, Function<Connection, R> factory) {
        return type.cast(resources.computeIfAbsent(type, t -> factory.apply(connection)));
    }

    int stageCount() {
        return stages.size();
    }

    ChainState endState() {
        return new ChainState(lastSeq, lastHash, lastJournalId);
    }

    /** Writes every buffered row; the caller forces payloads and commits. */
    void flush() throws SQLException {
        writeMessages();
        writeEvents();
        writeStages();
        writeFields();
        for (BatchResource r : resources.values()) {
            r.flush();
        }
    }

    /** Tells every resource its rows are durable. */
    void committed() {
        for (BatchResource r : resources.values()) {
            try {
                r.committed();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(JournalBatch.class).error("batch resource {} failed after commit", r.getClass().getName(), e);
            }
        }
    }

    void closeResources() {
        for (BatchResource r : resources.values()) {
            try {
                r.close();
            } catch (SQLException e) {
                // The batch outcome is already decided; a failing close only loses a cached statement.
                org.slf4j.LoggerFactory.getLogger(JournalBatch.class).debug("closing batch resource failed", e);
            }
        }
    }

    private void writeMessages() throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO journal_message (id, message_id, correlation_id, "
                + "source_system, channel, received_at, wire_format, payload_ref, payload_size, payload_sha256) VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            for (MessageRow m : messages) {
                ps.setLong(1, m.id());
                ps.setString(2, m.env().messageId());
                ps.setString(3, m.env().correlationId().orElse(null));
                ps.setString(4, m.env().sourceSystem());
                ps.setString(5, m.env().channel());
                ps.setLong(6, m.env().receivedAt().toEpochMilli());
                ps.setString(7, m.env().wireFormat().toString());
                setPayload(ps, 8, m.payload());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void setPayload(PreparedStatement ps, int first, Optional<PayloadInfo> p) throws SQLException {
        if (p.isPresent()) {
            ps.setString(first, p.get().ref());
            ps.setLong(first + 1, p.get().size());
            ps.setString(first + 2, p.get().sha256());
        } else {
            ps.setNull(first, Types.VARCHAR);
            ps.setNull(first + 1, Types.BIGINT);
            ps.setNull(first + 2, Types.CHAR);
        }
    }

    private void writeEvents() throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO journal_event (message_ref, idx, event_type, "
                + "key_digest, nhs_digest, claim) VALUES (?,?,?,?,?,?)")) {
            for (EventRow e : events) {
                ps.setLong(1, e.journalId());
                ps.setInt(2, e.index());
                ps.setString(3, e.type());
                ps.setString(4, e.keyDigest());
                ps.setString(5, e.nhsDigest());
                ps.setString(6, e.claim());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writeStages() throws SQLException {
        if (stages.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO journal_stage (seq, message_ref, stage, at_ms, "
                + "system_id, credential, detail, payload_ref, payload_size, payload_sha256, canon, row_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < stages.size(); i++) {
                StageRow s = stages.get(i);
                ps.setLong(1, s.seq());
                ps.setLong(2, s.journalId());
                ps.setString(3, s.stage());
                ps.setLong(4, s.atMillis());
                ps.setString(5, s.systemId());
                ps.setString(6, s.credential());
                ps.setString(7, s.detail());
                setPayload(ps, 8, s.payload());
                ps.setString(11, s.canon());
                ps.setString(12, hashes.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private void writeFields() throws SQLException {
        if (fields.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO journal_field (message_ref, stage_seq, part, body) VALUES (?,?,?,?)")) {
            for (FieldRow f : fields) {
                ps.setLong(1, f.journalId());
                ps.setLong(2, f.stageSeq());
                ps.setInt(3, f.part());
                ps.setString(4, f.body());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
