package io.holdfast.mesh.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.message.Payload;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.mesh.internal.config.InboundLimits;
import io.holdfast.mesh.internal.config.WorkflowFilter;
import io.holdfast.simulator.mesh.MeshSimulator;
import io.holdfast.simulator.mesh.MessageStatus;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 12 point 5 (inbound) and point 7 (MESH work files) against the simulator and the real kernel. */
class MeshInboundHardeningTest extends SimulatorAndKernelTest {
    private static final String OWNER = "mesh-X26ABC2";

    MessageStatus status(String id) {
        return sim.store().get(id).orElseThrow().view().status();
    }

    byte[] journaled(String id) throws IOException {
        List<JournalEntry> entries = kernel.journal.byMessageId(id);
        try (InputStream in = kernel.journal.openPayload(entries.get(0).payload().orElseThrow())) {
            return in.readAllBytes();
        }
    }

    String upload(byte[] content, long chunkSize) {
        return kernel.uploader(sim, "X26ABC1", chunkSize, GzipPolicy.NEVER, MeshKernelFixture.FAST)
                .send(new OutgoingMessage("X26ABC2", "TEST_WORKFLOW", Optional.empty(), Optional.of("L-" + content.length),
                        Optional.of("f.txt"), Payload.of(content))).messageId();
    }

    PollResult poll(InboundLimits limits) {
        return poll(limits, kernel.files);
    }

    PollResult poll(InboundLimits limits, WorkFiles files) {
        return kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.ALL, limits, files).pollOnce();
    }

    static byte[] text(int size) {
        return MeshInboundTest.text(size);
    }

    /** An independent MESH server could not deliver this to Holdfast: one gzip stream split into two chunks. */
    @Test
    void aTwoChunkGzipMessageIsCollectedEndToEnd() throws Exception {
        byte[] content = text(300_000);
        String id = sim.sendCompressed("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "big.txt", content, 2);
        PollResult r = poll(InboundLimits.DEFAULTS);
        assertThat(r.delivered()).isEqualTo(1);
        assertThat(journaled(id)).isEqualTo(content);
        assertThat(status(id)).isEqualTo(MessageStatus.ACKNOWLEDGED);
        assertThat(kernel.files.list(OWNER)).as("work files removed").isEmpty();
    }

    @Test
    void chunksTheServerGzipsOneByOneAreGunzippedEach() throws Exception {
        sim.close();
        sim = MeshSimulator.builder().dataDir(dir.resolve("sim2")).compressForGzipClients(true).mailbox("X26ABC1", "password")
                .mailbox("X26ABC2", "password").start();
        byte[] content = text(20_000);
        String id = upload(content, 4096);
        assertThat(poll(InboundLimits.DEFAULTS).delivered()).isEqualTo(1);
        assertThat(journaled(id)).isEqualTo(content);
    }

    @Test
    void tooManyChunksStaysInTheInboxWithAnAlertUntilTheLimitIsRaised() throws Exception {
        String id = upload(text(10_000), 4096);
        PollResult r = poll(new InboundLimits(1L << 30, 2, 100, 0));
        assertThat(r.limited()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(kernel.journal.byMessageId(id)).isEmpty();
        assertThat(kernel.files.list(OWNER)).isEmpty();
        assertThat(kernel.alerts.active()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("mesh:X26ABC2:refused:" + id);
            assertThat(a.severity()).isEqualTo(AlertSeverity.WARNING);
            assertThat(a.text()).contains(id, "3 chunks", "maxChunks").doesNotContain("MSH|");
        });
        assertThat(poll(InboundLimits.DEFAULTS).delivered()).isEqualTo(1);
        assertThat(kernel.alerts.active()).isEmpty();
        assertThat(kernel.alerts.cleared).contains("mesh:X26ABC2:refused:" + id);
    }

    @Test
    void aMessageLargerThanTheLimitIsRefusedBeforeItsBodyIsRead() {
        String id = upload(text(5000), 1 << 20);
        assertThat(poll(new InboundLimits(2048, 200, 100, 0)).limited()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(kernel.alerts.active()).singleElement().satisfies(a -> assertThat(a.text()).contains("maxMessageBytes"));
    }

    @Test
    void aGzipBombIsRefusedByTheExpansionRatio() throws Exception {
        String id = sim.sendCompressed("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "zeros.bin", new byte[2_000_000], 1);
        assertThat(poll(InboundLimits.DEFAULTS).limited()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(kernel.journal.byMessageId(id)).isEmpty();
        assertThat(kernel.files.list(OWNER)).as("partial content discarded").isEmpty();
        assertThat(kernel.alerts.active()).singleElement().satisfies(a -> assertThat(a.text()).contains("maxGzipRatio"));
        assertThat(poll(new InboundLimits(1L << 30, 200, 10_000, 0)).delivered()).isEqualTo(1);
    }

    @Test
    void aFullDiskStopsCollectingWithACriticalAlertAndNothingIsAcknowledged() throws Exception {
        String id = upload(text(5000), 4096);
        WorkFiles fullDisk = new DelegatingWorkFiles(kernel.files) {
            @Override
            public long usableSpace(String owner) {
                return 1000;
            }
        };
        PollResult r = poll(InboundLimits.DEFAULTS, fullDisk);
        assertThat(r.limited()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(kernel.alerts.active()).singleElement().satisfies(a -> {
            assertThat(a.key()).isEqualTo("mesh:X26ABC2:disk");
            assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
            assertThat(a.text()).contains("minFreeDiskBytes");
        });
        assertThat(poll(InboundLimits.DEFAULTS).delivered()).isEqualTo(1);
        assertThat(kernel.alerts.active()).isEmpty();
    }

    @Test
    void workFilesArePrivateAndHoldNoPlaintext() throws Exception {
        byte[] content = "PID|1||9434765919^^^NHS||SMITH^JOHN\r".repeat(20_000).getBytes(StandardCharsets.US_ASCII);
        String id = upload(content, 1 << 20);
        kernel.stopIntake(); // the download completes, Intake refuses: the files stay for the next poll
        poll(InboundLimits.DEFAULTS);
        Path folder = dir.resolve("kernel/work/" + OWNER);
        assertThat(folder.resolve(id + ".dat")).exists();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                assertThat(Files.getPosixFilePermissions(f)).as(f.toString())
                        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).doesNotContain("9434765919", "SMITH");
            }
        }
    }

    @Test
    void linksNextIsResolvedAgainstTheRequestInEveryForm() {
        for (MeshSimulator.LinkStyle style : List.of(MeshSimulator.LinkStyle.ABSOLUTE_URL, MeshSimulator.LinkStyle.RELATIVE)) {
            sim.close();
            sim = MeshSimulator.builder().dataDir(dir.resolve("sim-" + style)).links(style).mailbox("X26ABC1", "password")
                    .mailbox("X26ABC2", "password").start();
            for (int i = 0; i < 5; i++) {
                sim.send("X26ABC1", "X26ABC2", "TEST_WORKFLOW", "a.txt", new byte[] {(byte) i});
            }
            MeshClient.InboxListing listing = MeshKernelFixture.client(sim, "X26ABC2", MeshKernelFixture.FAST).inboxAll(2);
            assertThat(listing.messageIds()).as(style.toString()).hasSize(5).doesNotHaveDuplicates();
        }
    }

    /** A server that lists a path traversal as a message id and links to another host. */
    @Test
    void idsThatAreNotMeshIdsAreNeverUsedAndLinksToAnotherServerAreRefused() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fake.createContext("/", exchange -> {
            String body = exchange.getRequestURI().getQuery().contains("continue_from")
                    ? "{\"messages\":[],\"links\":{\"next\":\"http://127.0.0.2:1/messageexchange/X26ABC2/inbox?p=3\"}}"
                    : "{\"messages\":[\"../../../etc/passwd\",\"20260101000000000000_ABCDEF\"],"
                            + "\"links\":{\"next\":\"?max_results=10&continue_from=x\"}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        fake.start();
        try {
            MeshEndpoint e = new MeshEndpoint(java.net.URI.create("http://127.0.0.1:" + fake.getAddress().getPort()), "X26ABC2", "password",
                    "TestKey".getBytes(StandardCharsets.UTF_8), Optional.empty());
            MeshClient client = new MeshClient(new MeshHttp(e, MeshHttp.newClient(e, java.time.Duration.ofSeconds(5)),
                    java.time.Clock.systemUTC(), MeshKernelFixture.FAST, java.time.Duration.ofSeconds(5)));
            InboxPage first = client.inbox(10, Optional.empty());
            assertThat(first.messageIds()).containsExactly("20260101000000000000_ABCDEF");
            assertThat(first.invalidIds()).containsExactly("../../../etc/passwd");
            assertThat(first.next()).hasValueSatisfying(u -> assertThat(u.getPath()).isEqualTo("/messageexchange/X26ABC2/inbox"));
            assertThatThrownBy(() -> client.inboxAll(10)).isInstanceOf(MeshException.class).hasMessageContaining("not the configured server");
            assertThatThrownBy(() -> client.acknowledge("../x")).isInstanceOf(MeshException.class)
                    .hasMessageContaining("not a MESH message id");
            assertThatThrownBy(() -> new MeshDownloader(client.http(), kernel.files, OWNER, InboundLimits.DEFAULTS).download("../../x"))
                    .isInstanceOf(MeshException.class);
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void aPollRaisesAnAlertForListedIdsThatAreNotMeshIds() {
        // The simulator only lists valid ids, so the alert path is exercised through InboundAlerts directly.
        InboundAlerts alerts = new InboundAlerts(kernel.alerts, "X26ABC2");
        alerts.invalidIds(List.of("../x"));
        assertThat(kernel.alerts.active()).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo("mesh:X26ABC2:invalid-ids"));
        alerts.invalidIds(List.of());
        assertThat(kernel.alerts.active()).isEmpty();
    }

    @Test
    void anEmptyWorkflowListCollectsNothing() {
        String id = upload(text(100), 4096);
        PollResult r = kernel.poller(sim, "X26ABC2", MeshKernelFixture.FAST, WorkflowFilter.NONE).pollOnce();
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(status(id)).isEqualTo(MessageStatus.ACCEPTED);
        assertThat(kernel.journal.byMessageId(id)).isEmpty();
    }

    /** Passes every call on; tests override what they fake. */
    private static class DelegatingWorkFiles implements WorkFiles {
        private final WorkFiles d;

        DelegatingWorkFiles(WorkFiles d) {
            this.d = d;
        }

        @Override
        public PendingWorkFile create(String owner, String name) throws IOException {
            return d.create(owner, name);
        }

        @Override
        public InputStream open(String owner, String name) throws IOException {
            return d.open(owner, name);
        }

        @Override
        public OptionalLong size(String owner, String name) throws IOException {
            return d.size(owner, name);
        }

        @Override
        public boolean delete(String owner, String name) throws IOException {
            return d.delete(owner, name);
        }

        @Override
        public List<String> list(String owner) throws IOException {
            return d.list(owner);
        }

        @Override
        public long usableSpace(String owner) throws IOException {
            return d.usableSpace(owner);
        }
    }
}
