package io.holdfast.mesh.internal.transport;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.event.FileTransfer;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
    private final Set<String> acceptedWorkflows;
    private final WireFormat wireFormat;
    private final int pageSize;
    private final Duration intakeTimeout;
    private final Clock clock;

    public MeshMailboxPoller(MeshClient client, DownloadState state, Intake intake, Set<String> acceptedWorkflows,
                             WireFormat wireFormat, int pageSize, Duration intakeTimeout, Clock clock) {
        this.client = client;
        this.downloader = new MeshDownloader(client.http());
        this.state = state;
        this.intake = intake;
        this.acceptedWorkflows = Set.copyOf(acceptedWorkflows);
        this.wireFormat = wireFormat;
        this.pageSize = pageSize;
        this.intakeTimeout = intakeTimeout;
        this.clock = clock;
    }

    public DownloadState state() {
        return state;
    }

    private record InFlight(DownloadedMessage message, CompletableFuture<IntakeReceipt> receipt) {
    }

    private static final class Counts {
        int delivered, duplicates, reports, skipped, failed;
        boolean refused;
    }

    public PollResult pollOnce() {
        List<String> ids = client.inboxAll(pageSize);
        Counts c = new Counts();
        Deque<InFlight> waiting = new ArrayDeque<>();
        for (String id : ids) {
            if (c.refused) {
                break;
            }
            try {
                Optional<DownloadedMessage> m = prepare(id);
                if (m.isEmpty()) {
                    c.skipped++;
                    continue;
                }
                waiting.add(new InFlight(m.get(), submit(m.get(), DecodeResult.decoded(event(m.get())))));
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
        return new PollResult(ids.size(), c.delivered, c.duplicates, c.reports, c.skipped, c.failed);
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
            if (!acceptedWorkflows.isEmpty()) {
                MeshMessageHeaders h = client.head(id);
                if (!h.report() && !acceptedWorkflows.contains(h.workflowId())) {
                    LOG.warn("MESH {}: message {} has workflow {} which this mailbox does not accept; left in the inbox",
                            client.mailbox(), id, h.workflowId());
                    return Optional.empty();
                }
            }
            DownloadedMessage m = downloader.download(id, state.dir());
            if (m.checksumFailed()) {
                LOG.warn("MESH {}: message {} does not match its sha256 checksum; downloading it once more", client.mailbox(), id);
                m = downloader.download(id, state.dir());
                if (m.checksumFailed()) {
                    refuse(m);
                    return Optional.empty();
                }
            }
            if (m.file().isPresent()) {
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
        if (m.file().isPresent()) {
            Files.deleteIfExists(m.file().get());
        }
        LOG.error("MESH {}: message {} failed its checksum twice; journaled as rejected and not acknowledged", client.mailbox(), id);
    }

    private FileTransfer event(DownloadedMessage m) {
        return new FileTransfer(Transports.MESH, m.headers().messageId(), m.headers().fileName(), m.sha256(), m.size(),
                m.headers().attributes(), Optional.empty());
    }

    private CompletableFuture<IntakeReceipt> submit(DownloadedMessage m, DecodeResult decoded) {
        MeshMessageHeaders h = m.headers();
        Envelope env = new Envelope(h.messageId(), h.localId(), h.from().isEmpty() ? client.mailbox() : h.from(),
                "mesh:" + client.mailbox(), clock.instant(), wireFormat,
                Map.of("mesh.workflowId", h.workflowId(), "mesh.messageType", h.messageType(),
                        "mesh.chunks", String.valueOf(h.chunkRange().total())));
        try {
            return intake.accept(env, m.content(), decoded, FieldTrail.empty()).toCompletableFuture();
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
