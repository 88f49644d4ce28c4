package io.holdfast.journal.internal;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.event.EventKey;
import io.holdfast.api.kernel.ChainVerification;
import io.holdfast.api.kernel.FieldEntry;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalCounts;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.kernel.StageRecord;
import io.holdfast.api.message.Payload;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.journal.api.PreparedPayload;
import io.holdfast.journal.api.WriteTask;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.store.api.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** The journal, assembled from its parts; plain Java so component tests build it without OSGi. */
public final class JournalCore implements Journal, JournalWriter, AutoCloseable {
    private final MasterKeys keys;
    private final PayloadStore payloads;
    private final JournalHead head;
    private final JournalWriterImpl writer;
    private final JournalReader reader;
    private final ChainVerifier verifier;
    private final int smallPayloadLimit;

    public JournalCore(Store store, MasterKeys keys, Path dataDirectory, JournalConfig config) {
        validate(config);
        this.keys = keys;
        store.migrate(JournalSchema.MODULE, JournalSchema.MIGRATIONS);
        this.reader = new JournalReader(store.dataSource());
        this.verifier = new ChainVerifier(store.dataSource());
        this.head = new JournalHead(dataDirectory.resolve("journal.head"));
        ChainState start = reader.chainState();
        head.check(start);
        this.payloads = new PayloadStore(dataDirectory.resolve("payloads"), keys, config.payloadSegmentBytes());
        this.smallPayloadLimit = config.smallPayloadLimit();
        this.writer = new JournalWriterImpl(store.dataSource(), start, payloads, new FieldPolicy(Set.of(config.fieldsInClear())),
                keys::digest, head, config.maxBatch(), config.queueCapacity(), Clock.systemUTC());
    }

    static void validate(JournalConfig c) {
        range("maxBatch", c.maxBatch(), 1, 10_000);
        range("queueCapacity", c.queueCapacity(), 100, 1_000_000);
        range("smallPayloadLimit", c.smallPayloadLimit(), 1024, 16 * 1024 * 1024);
        range("payloadSegmentBytes", c.payloadSegmentBytes(), 1 << 20, 1 << 30);
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(JournalConfig.PID, key, "an integer from " + min + " to " + max,
                    "is " + value);
        }
    }

    // ---- JournalWriter

    @Override
    public <T> CompletableFuture<T> submit(WriteTask<T> task) {
        return writer.submit(task);
    }

    @Override
    public String digest(String value) {
        return keys.digest(value);
    }

    @Override
    public PreparedPayload prepare(Payload payload) {
        return stage(payload);
    }

    public long commits() {
        return writer.commits();
    }

    public long tasksWritten() {
        return writer.tasksWritten();
    }

    public int queued() {
        return writer.queued();
    }

    // ---- Journal

    @Override
    public CompletionStage<Long> record(StageRecord r) {
        Optional<StagedPayload> staged = r.payload().map(this::stage);
        return writer.submit(batch -> batch.addStage(r.journalId(), r.stage(), r.systemId(), r.credential(), r.detail(),
                staged.map(s -> s.write(batch)), ""));
    }

    /** A payload prepared on the caller's thread, appended (if small) inside the batch. */
    record StagedPayload(byte[] sealed, long size, String sha256, PayloadInfo large) implements PreparedPayload {
        @Override
        public PayloadInfo write(io.holdfast.journal.api.WriteBatch batch) {
            return large != null ? large : batch.appendPayload(sealed, size, sha256);
        }
    }

    /** Seals a small payload, or streams a large one to its own file, before it reaches the writer. */
    public StagedPayload stage(Payload payload) {
        if (payload instanceof Payload.Bytes b && b.bytes().length <= smallPayloadLimit) {
            String sha = Hashing.sha256(b.bytes());
            return new StagedPayload(payloads.seal(b.bytes(), sha), b.bytes().length, sha, null);
        }
        PayloadInfo large = payloads.storeLarge(payload);
        return new StagedPayload(null, large.size(), large.sha256(), large);
    }

    @Override
    public Optional<JournalEntry> find(long journalId) {
        return reader.find(journalId);
    }

    @Override
    public List<JournalEntry> byMessageId(String messageId) {
        return reader.byMessageId(messageId);
    }

    @Override
    public List<JournalEntry> byNaturalKey(EventKey key) {
        return reader.byKeyDigest(keys.digest(key.token()));
    }

    @Override
    public List<JournalEntry> byNhsNumber(NhsNumber nhsNumber) {
        return reader.byNhsDigest(keys.digest(nhsNumber.value()));
    }

    @Override
    public List<JournalEntry> bySystem(String systemId, int limit) {
        return reader.bySystem(systemId, limit);
    }

    @Override
    public List<JournalEntry> inFlight(int limit) {
        return reader.inFlight(limit);
    }

    @Override
    public List<FieldEntry> fields(long journalId) {
        return reader.fields(journalId);
    }

    @Override
    public InputStream openPayload(PayloadInfo payload) {
        return payloads.open(payload);
    }

    @Override
    public ChainVerification verify() {
        return verifier.verify();
    }

    @Override
    public JournalCounts counts() {
        return reader.counts();
    }

    @Override
    public void close() {
        try {
            writer.close();
            payloads.close();
            head.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
