package io.holdfast.mesh.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.message.Payload;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.mesh.internal.config.InboundLimits;
import io.holdfast.mesh.internal.config.WorkflowFilter;
import io.holdfast.simulator.mesh.MeshFaults.Fault;
import io.holdfast.simulator.mesh.MeshFaults.Operation;
import io.holdfast.simulator.mesh.MessageStatus;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MeshInboundTest extends SimulatorAndKernelTest {
    static byte[] text(int size) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; sb.length() < size; i++) {
            sb.append("MSH|^~\\&|PAS|RXX|").append(i).append("|\r");
        }
        return sb.substring(0, size).getBytes(StandardCharsets.US_ASCII);
    }

    String send(byte[] content, long chunkSize, GzipPolicy gzip, String localId) {
        return kernel.uploader(sim, "X26ABC1", chunkSize, gzip, MeshKernelFixture.FAST)
                .send(new OutgoingMessage("X26ABC2", "TEST_WORKFLOW", Optional.of("subject"), Optional.of(localId),
                        Optional.of("file.txt"), Payload.of(content))).messageId();
    }

    MessageStatus status(String id) {
        return sim.store().get(id).orElseThrow().view().status();
    }

    byte[] journaled(String id) throws Exception {
        List<JournalEntry> entries = kernel.journal.byMessageId(id);
        try (InputStream in = kernel.journal.openPayload(entries.get(0).payload().orElseThrow())) {
            return in.readAllBytes();
        }
    }

    @Test
    void aMessageIsMadeDurableThenAcknowledged() throws Exception {
        byte[] content = text(5000);
        String id = send(content, 1024 * 1024, GzipPolicy.NEVER, "L1");
        PollResult r = kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.ALL).pollOnce();
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACKNOWLEDGED);
        assertThat(journaled(id)).isEqualTo(content);
        assertThat(kernel.idempotency.count()).isEqualTo(1);
        Path work = dir.resolve("kernel/work/mesh-X26ABC2");
        assertThat(!Files.exists(work) || Files.list(work).findAny().isEmpty()).as("nothing left on disk").isTrue();
    }

    @Test
    void chunkedGzippedMessageWithPagingAndADroppedChunk() throws Exception {
        byte[] content = text(200_000);
        String big = send(content, 4096, GzipPolicy.ALWAYS, "L-big");
        assertThat(sim.store().get(big).orElseThrow().view().totalChunks()).isGreaterThan(1);
        String a = send(text(10), 4096, GzipPolicy.NEVER, "L-a");
        String b = send(text(20), 4096, GzipPolicy.NEVER, "L-b");
        sim.faults().inject(Operation.DOWNLOAD, new Fault.DropMidBody());
        PollResult r = kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.ALL).pollOnce();
        assertThat(r.listed()).as("three messages over two pages of two").isEqualTo(3);
        assertThat(r.delivered()).isEqualTo(3);
        assertThat(journaled(big)).isEqualTo(content);
        assertThat(List.of(status(big), status(a), status(b))).containsOnly(MessageStatus.ACKNOWLEDGED);
    }

    @Test
    void downloadedButUnacknowledgedMessageIsNotRoutedTwiceAfterRestart() throws Exception {
        String id = send(text(3000), 1024, GzipPolicy.NEVER, "L-r");
        sim.faults().inject(Operation.ACKNOWLEDGE, new Fault.Status(500), 10);
        PollResult first = kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.ALL).pollOnce();
        assertThat(first.failed()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(kernel.journal.byMessageId(id)).hasSize(1);
        sim.faults().clear();
        // "Restart": a new poller over the same work directory and kernel.
        PollResult second = kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.ALL).pollOnce();
        assertThat(second.duplicates()).isEqualTo(1);
        assertThat(second.delivered()).isZero();
        assertThat(status(id)).isEqualTo(MessageStatus.ACKNOWLEDGED);
        assertThat(kernel.idempotency.count()).isEqualTo(1);
        List<JournalEntry> entries = kernel.journal.byMessageId(id);
        assertThat(entries).hasSize(2);
        assertThat(kernel.journal.inFlight(10)).as("routed once").hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void killedDuringChunkDownloadLeavesNothingHalfDone() throws Exception {
        byte[] content = text(50_000);
        String id = send(content, 8192, GzipPolicy.NEVER, "L-k");
        Backoff noRetry = new Backoff(0, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1));
        sim.faults().inject(Operation.DOWNLOAD, new Fault.DropMidBody());
        PollResult first = kernel.poller(sim, "X26ABC2", noRetry, WorkflowFilter.ALL).pollOnce();
        assertThat(first.failed()).isEqualTo(1);
        assertThat(kernel.journal.byMessageId(id)).isEmpty();
        PollResult second = kernel.poller(sim, "X26ABC2", noRetry, WorkflowFilter.ALL).pollOnce();
        assertThat(second.delivered()).isEqualTo(1);
        assertThat(journaled(id)).isEqualTo(content);
    }

    @Test
    void checksumMismatchIsJournaledAsRejectedAndNotAcknowledged() throws Exception {
        MeshClient sender = MeshKernelFixture.client(sim, "X26ABC1", MeshKernelFixture.FAST);
        var req = sender.http().request("/messageexchange/X26ABC1/outbox").header("mex-To", "X26ABC2")
                .header("mex-WorkflowID", "TEST_WORKFLOW").header("mex-Content-Checksum", "sha256:" + "0".repeat(64))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("tampered")).build();
        String id = MeshHttp.JSON.readTree(sender.http().sendOnce("send", req, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body())
                .path("message_id").asText();
        MeshMailboxPoller poller = kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.ALL);
        assertThat(poller.pollOnce().skipped()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(kernel.journal.byMessageId(id)).singleElement().satisfies(e -> assertThat(e.stages())
                .anySatisfy(s -> assertThat(s.detail()).contains("MESH_CHECKSUM_MISMATCH")));
        assertThat(poller.pollOnce().skipped()).as("not journaled again").isEqualTo(1);
        assertThat(kernel.journal.byMessageId(id)).hasSize(1);
    }

    @Test
    void unacceptedWorkflowsAndIntakeRefusalLeaveMessagesInTheInbox() throws Exception {
        String id = send(text(100), 4096, GzipPolicy.NEVER, "L-w");
        assertThat(kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.of("OTHER")).pollOnce().skipped()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
        kernel.stopIntake();
        assertThat(kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.ALL).pollOnce().failed()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
    }

    @Test
    void aChunkRefetchedMidMessageIsHashedOnceAndVerified() throws Exception {
        byte[] content = text(40_000);
        String id = kernel.uploader(sim, "X26ABC1", 8192, GzipPolicy.NEVER, MeshKernelFixture.FAST)
                .send(new OutgoingMessage("X26ABC2", "TEST_WORKFLOW", Optional.empty(), Optional.of("L-c2"), Optional.empty(),
                        Payload.of(content))).messageId();
        // The first download request (chunk 1) passes, the second (chunk 2) drops half way.
        sim.faults().inject(Operation.DOWNLOAD, new Fault.Slow(java.time.Duration.ZERO)).inject(Operation.DOWNLOAD, new Fault.DropMidBody());
        PollResult r = kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.ALL).pollOnce();
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(journaled(id)).isEqualTo(content);
        assertThat(sim.store().get(id).orElseThrow().view().checksum()).hasValueSatisfying(c -> assertThat(c).startsWith("sha256:"));
    }

    @Test
    void aDownloadDamagedByACrashIsFetchedAgainNotReFed() throws Exception {
        byte[] content = text(3000);
        String id = send(content, 1024, GzipPolicy.NEVER, "L-d");
        sim.faults().inject(Operation.ACKNOWLEDGE, new Fault.Status(500), 10);
        kernel.stopIntake();
        MeshKernelFixture other = new MeshKernelFixture(dir.resolve("kernel2"));
        try {
            // Download completes, Intake refuses: the file stays on disk as "complete".
            Path work = dir.resolve("kernel/work/mesh-X26ABC2");
            MeshMailboxPoller.InboxPolicy policy = new MeshMailboxPoller.InboxPolicy(WorkflowFilter.ALL, 10, InboundLimits.DEFAULTS);
            kernel.poller(MeshKernelFixture.client(sim, "X26ABC2", MeshKernelFixture.FAST), kernel.files, kernel.intake, policy,
                    io.holdfast.api.message.WireFormat.opaque(), ContentCodecs.NONE).pollOnce();
            assertThat(work.resolve(id + ".dat")).exists();
            Files.write(work.resolve(id + ".dat"), new byte[] {1, 2, 3});
            sim.faults().clear();
            PollResult r = kernel.poller(MeshKernelFixture.client(sim, "X26ABC2", MeshKernelFixture.FAST), kernel.files, other.intake,
                    policy, io.holdfast.api.message.WireFormat.opaque(), ContentCodecs.NONE).pollOnce();
            assertThat(r.delivered()).isEqualTo(1);
            try (InputStream in = other.journal.openPayload(other.journal.byMessageId(id).get(0).payload().orElseThrow())) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
        } finally {
            other.close();
        }
    }
}
