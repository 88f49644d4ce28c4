package io.holdfast.journal.internal;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.event.EventKey;
import io.holdfast.api.kernel.ChainVerification;
import io.holdfast.api.kernel.FieldEntry;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.JournalCounts;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.PayloadInfo;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageRecord;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.journal.api.PreparedPayload;
import io.holdfast.journal.api.WriteBatch;
import io.holdfast.journal.internal.writer.GroupCommitEngine;
import io.holdfast.journal.internal.writer.WriterSettings;
import io.holdfast.journal.writer.BatchTask;
import io.holdfast.journal.writer.WriterStatus;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.store.api.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
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
    private final GroupCommitEngine<JournalBatch> writer;
    private final JournalReader reader;
    private final ChainVerifier verifier;
    private final DiskGuard guard;
    private final JournalRetention retention;
    private final int smallPayloadLimit;
    /** The writer thread's name, as seen in thread dumps. */
    static final String WRITER_THREAD = "holdfast-journal-writer";
    /** Longest wait for more tasks after a shared batch; bounds the latency group commit adds. */
    static final java.time.Duration WRITER_LINGER = java.time.Duration.ofMillis(1);
    /** The disk guard is re-checked at least this often while the writer is idle. */
    static final java.time.Duration WRITER_IDLE_TICK = java.time.Duration.ofMillis(200);

    /** The journal with production surroundings and no health reporting (component tests, benchmarks). */
    public JournalCore(Store store, MasterKeys keys, Path dataDirectory, JournalConfig config) {
        this(store, keys, dataDirectory, config, JournalEnvironment.production(JournalConditions.NONE));
    }

    public JournalCore(Store store, MasterKeys keys, Path dataDirectory, JournalConfig config, JournalEnvironment env) {
        validate(config);
        this.keys = keys;
        store.migrate(JournalSchema.MODULE, JournalSchema.MIGRATIONS);
        DetailCipher details = new DetailCipher(keys);
        Checkpoints checkpoints = new Checkpoints(keys::digest);
        this.reader = new JournalReader(store.dataSource(), details);
        this.verifier = new ChainVerifier(store.dataSource(), checkpoints);
        PrivateFiles files = new PrivateFiles(env.directorySync());
        this.head = new JournalHead(dataDirectory.resolve("journal.head"), files);
        ChainState start = reader.chainState();
        head.check(start);
        this.payloads = new PayloadStore(dataDirectory.resolve("payloads"), keys, config.payloadSegmentBytes(), files);
        this.smallPayloadLimit = config.smallPayloadLimit();
        this.guard = new DiskGuard(env.freeSpace().apply(dataDirectory), dataDirectory, config.minFreeBytes(),
                config.minFreePercent(), env.diskCheckInterval().toNanos(), env.conditions());
        guard.refreshIfDue();
        BatchContext context = new BatchContext(payloads, new FieldPolicy(Set.of(config.fieldsInClear())), keys::digest, details,
                guard, env.clock());
        this.writer = new GroupCommitEngine<>(new JournalTransactions(store.dataSource(), start, context, env.watermark().apply(head),
                env.conditions()), new WriterSettings(WRITER_THREAD, config.maxBatch(), config.queueCapacity(), WRITER_LINGER,
                WRITER_IDLE_TICK));
        this.retention = new JournalRetention(store.dataSource(), payloads, checkpoints, env.clock());
    }

    static void validate(JournalConfig c) {
        range("maxBatch", c.maxBatch(), 1, 10_000);
        range("queueCapacity", c.queueCapacity(), 100, 1_000_000);
        range("smallPayloadLimit", c.smallPayloadLimit(), 1024, 16 * 1024 * 1024);
        range("payloadSegmentBytes", c.payloadSegmentBytes(), 1 << 20, 1 << 30);
        range("minFreePercent", c.minFreePercent(), 0, 50);
        if (c.minFreeBytes() < 0) {
            throw new InvalidConfigurationException(JournalConfig.PID, "minFreeBytes", "0 (off) or a number of bytes", "is " + c.minFreeBytes());
        }
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(JournalConfig.PID, key, "an integer from " + min + " to " + max,
                    "is " + value);
        }
    }

    // ---- JournalWriter

    @Override
    public <T> CompletableFuture<T> submit(BatchTask<? super WriteBatch, T> task) {
        return writer.submit(task);
    }

    @Override
    public WriterStatus status() {
        return writer.status();
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
        return writer.status().commits();
    }

    public long tasksWritten() {
        return writer.status().tasksWritten();
    }

    public int queued() {
        return writer.status().queued();
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
        public PayloadInfo write(WriteBatch batch) {
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

    /** Decrypts a payload; one whose file retention pruned is reported as pruned, not as damaged. */
    @Override
    public InputStream openPayload(PayloadInfo payload) {
        try {
            return payloads.open(payload);
        } catch (HoldfastException e) {
            Optional<Instant> pruned = retention.prunedAt(payload.ref());
            if (pruned.isPresent()) {
                throw new HoldfastException(ErrorCode.PAYLOAD_INTEGRITY, "payload " + payload.ref() + " was pruned by retention on "
                        + pruned.get() + " (payload pruned; its size and SHA-256 stay in the journal)", e);
            }
            throw e;
        }
    }

    @Override
    public ChainVerification verify() {
        return verifier.verify();
    }

    /** Where verification starts: the newest signed checkpoint left by retention, if any. */
    public Optional<Long> prunedToSeq() {
        return reader.prunedToSeq();
    }

    /** The disk guard's current decision and reading, for status output. */
    public String diskStatus() {
        return guard.describe();
    }

    JournalRetention retention() {
        return retention;
    }

    DiskGuard guard() {
        return guard;
    }

    /**
     * Journals an admin action that concerns no message (a retention run) as a message of its own
     * from system {@code holdfast} on channel {@code admin:<action>}, closed at once with an ACKED
     * stage carrying the actor and outcome. Written even while the disk guard refuses input.
     */
    public long recordAdminAction(String action, String actor, String outcome) {
        Envelope env = Envelope.of(action + "-" + java.util.UUID.randomUUID(), "holdfast", "admin:" + action, WireFormat.opaque());
        try {
            return writer.submit(batch -> {
                long id = batch.addMessageUnguarded(env, Optional.empty());
                batch.addStage(id, Stage.ACKED, "holdfast", Optional.empty(), action + " by " + actor + ": " + outcome, Optional.empty(), "");
                return id;
            }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, "interrupted while journaling " + action, e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new HoldfastException(ErrorCode.STORE_UNAVAILABLE, action + " could not be journaled: " + e.getMessage(), e);
        }
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
