package io.holdfast.mesh.internal.transport;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.FileTransfer;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.mesh.internal.config.InboundLimits;
import io.holdfast.mesh.internal.config.WorkflowFilter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one mailbox: lists the inbox (all pages), streams each message to disk, verifies its
 * {@code sha256:} checksum, hands it to {@link Intake} as a {@link FileTransfer} and acknowledges
 * it only after Intake's commit. Up to {@link #IN_FLIGHT} messages wait for Intake at once, so they
 * share its group commits. A download completed before a restart is re-fed from disk, and Intake's
 * idempotency (transport message id + content digest) recognises it as a duplicate, so it is never
 * routed twice. Not thread-safe: one poller thread per mailbox.
 */
public final class MeshMailboxPoller {
    static final int IN_FLIGHT = 64;
    private static final Logger LOG = LoggerFactory.getLogger(MeshMailboxPoller.class);
    private final MeshClient client;
    private final MeshDownloader downloader;
    private final DownloadState state;
    private final Intake intake;
    private final InboxPolicy policy;
    private final WireFormat wireFormat;
    private final ContentCodecs codecs;
    private final Duration intakeTimeout;
    private final Clock clock;
    private final InboundAlerts alerts;
    private boolean toldAcceptsNothing;

    /** What a mailbox collects: its workflows, inbox page size and download limits. */
    public record InboxPolicy(WorkflowFilter workflows, int pageSize, InboundLimits limits) {
    }

    /**
     * @param codecs where a codec for {@code wireFormat} is found when it is not OPAQUE: the files'
     *               contents are decoded and their clinical events journaled (and routed) with the
     *               {@code FileTransfer}
     */
    public MeshMailboxPoller(MeshClient client, DownloadState state, Intake intake, InboxPolicy policy, WireFormat wireFormat,
                             ContentCodecs codecs, Duration intakeTimeout, Clock clock, InboundAlerts alerts) {
        this.codecs = codecs;
        this.client = client;
        this.downloader = new MeshDownloader(client.http(), state.files(), state.owner(), policy.limits());
        this.state = state;
        this.intake = intake;
        this.policy = policy;
        this.wireFormat = wireFormat;
        this.intakeTimeout = intakeTimeout;
        this.clock = clock;
        this.alerts = alerts;
    }

    public DownloadState state() {
        return state;
    }

    private record InFlight(DownloadedMessage message, CompletableFuture<IntakeReceipt> receipt) {
    }

    private static final class Counts {
        int delivered, duplicates, reports, skipped, failed, limited;
        boolean refused, noDisk;
    }

    public PollResult pollOnce() {
        Optional<Codec<?>> codec = contentCodec();
        MeshClient.InboxListing listing = client.inboxAll(policy.pageSize());
        alerts.invalidIds(listing.invalidIds());
        List<String> ids = listing.messageIds();
        if (policy.workflows().acceptsNothing()) {
            if (!toldAcceptsNothing && !ids.isEmpty()) {
                LOG.warn("MESH {}: accepts no workflow (workflowIds is empty); {} message(s) left in the inbox. Set workflowIds "
                        + "to the workflow ids to collect, or * for all", client.mailbox(), ids.size());
                toldAcceptsNothing = true;
            }
            alerts.endOfPoll(true);
            return new PollResult(ids.size(), 0, 0, 0, ids.size(), 0, 0);
        }
        Counts c = new Counts();
        Deque<InFlight> waiting = new ArrayDeque<>();
        for (String id : ids) {
            if (c.refused || c.noDisk) {
                break;
            }
            try {
                Optional<DownloadedMessage> m = prepare(id);
                if (m.isEmpty()) {
                    c.skipped++;
                    continue;
                }
                waiting.add(new InFlight(m.get(), submit(m.get(), codec)));
            } catch (InboundRefusal r) {
                alerts.refused(r);
                c.limited++;
                c.noDisk = r.kind() == InboundRefusal.Kind.DISK_SPACE;
                continue;
            } catch (MeshException | UncheckedIOException e) {
                LOG.warn("MESH {}: message {} not collected this poll: {}", client.mailbox(), id, e.getMessage());
                c.failed++;
                continue;
            }
            if (waiting.size() >= IN_FLIGHT) {
                complete(waiting.poll(), c);
            }
        }
        while (!waiting.isEmpty()) {
            complete(waiting.poll(), c);
        }
        alerts.endOfPoll(!c.refused && !c.noDisk);
        return new PollResult(ids.size(), c.delivered, c.duplicates, c.reports, c.skipped, c.failed, c.limited);
    }

    /** The message on disk and ready for Intake, or empty if it stays in the inbox. */
    private Optional<DownloadedMessage> prepare(String id) {
        try {
            if (state.rejected(id)) {
                return Optional.empty();
            }
            Optional<DownloadedMessage> resumed = state.completed(id);
            if (resumed.isPresent()) {
                LOG.info("MESH {}: message {} was downloaded before a restart but not acknowledged; re-feeding it (Intake dedupes)",
                        client.mailbox(), id);
                return Optional.of(resumed.get());
            }
            if (!policy.workflows().all()) {
                MeshMessageHeaders h = client.head(id);
                if (!h.report() && !policy.workflows().accepts(h.workflowId())) {
                    LOG.warn("MESH {}: message {} has workflow {} which this mailbox does not accept; left in the inbox",
                            client.mailbox(), id, h.workflowId());
                    return Optional.empty();
                }
            }
            DownloadedMessage m = downloader.download(id);
            if (m.checksumFailed()) {
                LOG.warn("MESH {}: message {} does not match its sha256 checksum; downloading it once more", client.mailbox(), id);
                m = downloader.download(id);
                if (m.checksumFailed()) {
                    refuse(m);
                    return Optional.empty();
                }
            }
            if (m.inWorkFile()) {
                state.complete(m);
            }
            return Optional.of(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Acknowledge only after Intake's commit; a refusal leaves the message (and what follows) for the next poll.
    private void complete(InFlight f, Counts c) {
        String id = f.message().headers().messageId();
        IntakeReceipt receipt;
        try {
            receipt = await(f.receipt());
        } catch (IntakeRefusedException e) {
            LOG.warn("MESH {}: Intake refused message {} ({}); it stays in the inbox and is retried on the next poll",
                    client.mailbox(), id, e.reason());
            c.failed++;
            c.refused = true;
            return;
        }
        try {
            client.acknowledge(id);
            state.clear(id);
        } catch (MeshException e) {
            LOG.warn("MESH {}: message {} is durable but its acknowledgement failed ({}); it will be re-fed and recognised",
                    client.mailbox(), id, e.getMessage());
            c.failed++;
            return;
        } catch (IOException e) {
            LOG.warn("MESH {}: could not clear the download of acknowledged message {}: {}", client.mailbox(), id, e.toString());
        }
        MeshMessageHeaders h = f.message().headers();
        if (h.report()) {
            LOG.warn("MESH {}: error report {} for sent message {}: code {} {}", client.mailbox(), id,
                    h.linkedMessageId().orElse("?"), h.statusCode().orElse("?"), h.statusDescription().orElse(""));
            c.reports++;
        } else if (receipt.allDuplicates()) {
            c.duplicates++;
        } else {
            c.delivered++;
        }
    }

    // Journaled as REJECTED (kept, never dropped) and left unacknowledged: MESH reports it to the sender on expiry.
    private void refuse(DownloadedMessage m) throws IOException {
        String id = m.headers().messageId();
        await(submit(m, DecodeResult.rejected("MESH_CHECKSUM_MISMATCH",
                "content SHA-256 " + m.sha256() + " does not match mex-Content-Checksum; not acknowledged")));
        state.reject(id, "checksum mismatch");
        state.clear(id);
        LOG.error("MESH {}: message {} failed its checksum twice; journaled as rejected and not acknowledged", client.mailbox(), id);
    }

    private FileTransfer event(DownloadedMessage m) {
        return new FileTransfer(Transports.MESH, m.headers().messageId(), m.headers().fileName(), m.sha256(), m.size(),
                m.headers().attributes(), Optional.empty());
    }

    private CompletableFuture<IntakeReceipt> submit(DownloadedMessage m, DecodeResult decoded) {
        return submit(m, envelope(m), decoded, FieldTrail.empty());
    }

    /**
     * The file as a {@code FileTransfer}; with a content codec, also the clinical events it maps the
     * contents to (their natural keys are what idempotency then sees). A file the codec rejects is
     * journaled REJECTED with its bytes — and acknowledged, since it is durable and MESH has no
     * negative acknowledgement — and logged at WARN.
     */
    private CompletableFuture<IntakeReceipt> submit(DownloadedMessage m, Optional<Codec<?>> codec) {
        Envelope env = envelope(m);
        if (codec.isEmpty() || m.headers().report()) {
            return submit(m, env, DecodeResult.decoded(event(m)), FieldTrail.empty());
        }
        FieldTrail trail = new FieldTrail();
        DecodeResult contents = decodeContents(codec.get(), m, env, trail);
        if (contents instanceof DecodeResult.Decoded d) {
            List<ClinicalEvent> events = new ArrayList<>(d.events().size() + 1);
            events.add(event(m));
            events.addAll(d.events());
            return submit(m, env, new DecodeResult.Decoded(events), trail);
        }
        if (contents instanceof DecodeResult.Rejected r) {
            // The reason (the codec's words about the contents) may quote patient data: it is in the journal, not the log.
            LOG.warn("MESH {}: the {} codec rejected the contents of message {} ({}); journaled as REJECTED and acknowledged",
                    client.mailbox(), wireFormat.family(), m.headers().messageId(), r.code());
            return submit(m, env, r, trail);
        }
        return submit(m, env, DecodeResult.decoded(event(m)), trail);
    }

    /** Files up to this size also go to codecs that read {@code byte[]} or {@code String} (HL7 v2 files, say). */
    static final long IN_MEMORY_DECODE_LIMIT = 16L << 20;

    private DecodeResult decodeContents(Codec<?> codec, DownloadedMessage m, Envelope env, FieldTrail trail) {
        try {
            DecodeResult r = decodeAsTheCodecReads(codec, m, env, trail);
            return r != null ? r : DecodeResult.rejected("CODEC_NO_RESULT", "the " + wireFormat.family() + " codec returned nothing");
        } catch (HoldfastException e) {
            return DecodeResult.rejected(e.errorCode().code(), e.getMessage());
        } catch (RuntimeException e) {
            return DecodeResult.rejected("CODEC_FAILED", "the " + wireFormat.family() + " codec failed: " + e);
        }
    }

    /**
     * A codec's wire type is erased: try a {@code Payload} (streams any size), then — for files up to
     * {@value #IN_MEMORY_DECODE_LIMIT} bytes — {@code byte[]}, then UTF-8 text. A wrong type fails in
     * the codec's bridge method before it does anything.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private DecodeResult decodeAsTheCodecReads(Codec<?> codec, DownloadedMessage m, Envelope env, FieldTrail trail) {
        Codec raw = codec;
        try {
            return raw.decode(m.content(), env, trail);
        } catch (ClassCastException notPayload) {
            if (m.size() > IN_MEMORY_DECODE_LIMIT) {
                throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION, "The " + wireFormat.family() + " codec does not read "
                        + "a Payload, and message " + m.headers().messageId() + " (" + m.size() + " bytes) is too large to read "
                        + "into memory for it; it stays in the inbox", notPayload);
            }
        }
        byte[] bytes;
        try (java.io.InputStream in = m.content().open()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return raw.decode(bytes, env, trail);
        } catch (ClassCastException notBytes) {
            try {
                return raw.decode(new String(bytes, java.nio.charset.StandardCharsets.UTF_8), env, trail);
            } catch (ClassCastException notText) {
                throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION, "The " + wireFormat.family() + " codec reads neither "
                        + "Payload, byte[] nor String; message " + m.headers().messageId() + " stays in the inbox", notText);
            }
        }
    }

    /** The content codec this mailbox needs, or empty for OPAQUE; refuses to poll while a needed one is missing. */
    private Optional<Codec<?>> contentCodec() {
        if (WireFormat.OPAQUE.equals(wireFormat.family())) {
            return Optional.empty();
        }
        Optional<Codec<?>> codec = codecs.find(wireFormat.family());
        if (codec.isEmpty()) {
            throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION, "MESH " + client.mailbox() + " reads files as "
                    + wireFormat.family() + " but no codec with holdfast.format=" + wireFormat.family() + " is registered "
                    + "(install its feature, or set wireFormat=OPAQUE); messages stay in the inbox until it is");
        }
        return codec;
    }

    private Envelope envelope(DownloadedMessage m) {
        MeshMessageHeaders h = m.headers();
        return new Envelope(h.messageId(), h.localId(), h.from().isEmpty() ? client.mailbox() : h.from(),
                "mesh:" + client.mailbox(), clock.instant(), wireFormat,
                Map.of("mesh.workflowId", h.workflowId(), "mesh.messageType", h.messageType(),
                        "mesh.chunks", String.valueOf(h.chunkRange().total())));
    }

    private CompletableFuture<IntakeReceipt> submit(DownloadedMessage m, Envelope env, DecodeResult decoded, FieldTrail trail) {
        try {
            return intake.accept(env, m.content(), decoded, trail).toCompletableFuture();
        } catch (IntakeRefusedException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private IntakeReceipt await(CompletableFuture<IntakeReceipt> f) {
        try {
            return f.get(intakeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IntakeRefusedException r) {
                throw r;
            }
            throw new IntakeRefusedException(IntakeRefusedException.Reason.STORE_UNAVAILABLE, "Intake failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IntakeRefusedException(IntakeRefusedException.Reason.BACK_PRESSURE, "Intake did not commit within " + intakeTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IntakeRefusedException(IntakeRefusedException.Reason.SHUTTING_DOWN, "interrupted", e);
        }
    }
}
