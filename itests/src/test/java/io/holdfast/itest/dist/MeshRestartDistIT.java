package io.holdfast.itest.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.simulator.mesh.MeshFaults.Fault;
import io.holdfast.simulator.mesh.MeshFaults.Operation;
import io.holdfast.simulator.mesh.MessageStatus;
import io.holdfast.simulator.mesh.StoredMessage.MessageView;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.fixture.LoopbackPorts;
import io.holdfast.testkit.process.DistributionTestSupport;
import io.holdfast.testkit.process.HoldfastProcess;
import io.holdfast.testkit.process.TraceOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * Issue 7 point 7 at distribution level: the tarball's MESH mailbox against the MESH simulator (in this
 * JVM), with the Karaf JVM killed by SIGKILL in the middle of a chunked transfer, then restarted on the
 * same directory. A slowed chunk (the simulator's fault injection) holds the transfer open so the kill
 * lands between chunks, which the test observes (the committed chunk-1 work file; the chunk body held by the
 * simulator) before it kills.
 * (a) Download: after the restart the message reaches Intake once (one journal entry) and is acknowledged.
 * (b) Upload: a lab result from the MLLP listener is routed to a MESH inventory target; after the restart
 * the recipient has exactly one complete message for that mex-LocalID (the upload was resumed, not
 * repeated), and the delivery is journaled ACKED once the recipient acknowledges it.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MeshRestartDistIT extends DistributionTestSupport {
    private static final long OUTBOUND_CHUNK = 1024;
    private static final long INBOUND_CHUNK = 256 * 1024;
    private static final String LISTENER = "lab-feed";
    private static final String SOURCE = "lab-mesh";
    private static final String TARGET = "mesh-dest";
    private static final Duration HOLD = Duration.ofMinutes(10);
    private static MeshSide mesh;
    private static int listenerPort;

    @BeforeClass
    public static void startDistribution() throws Exception {
        setUpDistribution(() -> {
            mesh = new MeshSide(Path.of("target", "dist", "mesh-restart-sim").toAbsolutePath());
            listenerPort = LoopbackPorts.free();
            holdfast = HoldfastProcess.unpack("mesh-restart");
            holdfast.writeConfig("io.holdfast.mesh.mailbox-x26hf01.cfg", mesh.holdfastMailboxConfig(OUTBOUND_CHUNK));
            holdfast.writeConfig("io.holdfast.mllp.listener-" + LISTENER + ".cfg", Map.of("port", String.valueOf(listenerPort),
                    "bindAddress", "127.0.0.1", "sourceSystem", SOURCE));
            holdfast.writeConfig("io.holdfast.route-lab-to-mesh.cfg", Map.of("sources", SOURCE, "eventTypes", "LabResult",
                    "targets", TARGET, "maxAttempts", "1000", "initialBackoffMs", "100", "maxBackoffMs", "1000"));
            routeToUnreachableTarget("mesh-inbound", MeshSide.SENDER, "nowhere");
            holdfast.start();
            holdfast.installFeatures("holdfast-mllp", "holdfast-mesh");
            addUnreachableTarget("nowhere");
            holdfast.shell("holdfast:system-add --name \"MESH recipient\" --env dev --transport MESH --format HL7V2:2.4"
                    + " --endpoint \"mesh:" + MeshSide.RECIPIENT + "?workflow=LAB_RESULTS&from=" + MeshSide.HOLDFAST + "\" --auth NONE "
                    + TARGET);
        });
    }

    @AfterClass
    public static void stopMesh() {
        if (mesh != null) {
            mesh.close();
        }
    }

    @Test
    public void aKillDuringAChunkedDownloadDeliversTheMessageToIntakeOnce() throws Exception {
        Path file = holdfast.home().resolveSibling("mesh-restart-download.bin");
        long size = 4 * INBOUND_CHUNK + 1000;
        String sha256 = MeshSide.randomFile(file, size, 7);
        // chunk 1 at once, chunk 2 held for minutes: the kill lands between them
        mesh.simulator().faults().inject(Operation.DOWNLOAD, new Fault.Slow(Duration.ZERO), 1)
                .inject(Operation.DOWNLOAD, new Fault.Slow(HOLD), 1);
        String id = mesh.send(MeshSide.SENDER, MeshSide.HOLDFAST, "DOWNLOAD_TEST", file, INBOUND_CHUNK, "download-kill-1");
        assertEquals(5, mesh.message(id).orElseThrow().totalChunks());

        // the connector's kernel work files (encrypted, committed per chunk): data/holdfast/work/mesh-<mailbox>/<id>.c<n>
        Path work = holdfast.home().resolve("data/holdfast/work").resolve("mesh-" + MeshSide.HOLDFAST);
        Path chunk1 = work.resolve(id + ".c1");
        Await.until("chunk 1 of " + id + " downloaded and chunk 2 pending", Duration.ofMinutes(1),
                () -> sizeOf(chunk1) >= INBOUND_CHUNK, () -> "chunk file " + chunk1 + " has " + sizeOf(chunk1) + " bytes " + holdfast.logs());
        holdfast.kill9();
        mesh.simulator().faults().clear();
        assertTrue("killed mid-download: chunk 1 on disk, chunk 5 and the joined content not",
                Files.exists(chunk1) && !Files.exists(work.resolve(id + ".c5")) && !Files.exists(work.resolve(id + ".dat")));
        assertEquals("not acknowledged before the kill", MessageStatus.ACCEPTED, mesh.message(id).orElseThrow().status());
        System.out.printf("MeshRestartDistIT: killed during the download of %s with chunk 1 of 5 on disk (%d bytes encrypted)%n", id,
                sizeOf(chunk1));

        holdfast.start();
        Await.until(id + " acknowledged at MESH after the restart", Duration.ofMinutes(2),
                () -> mesh.message(id).map(MessageView::status).filter(MessageStatus.ACKNOWLEDGED::equals).isPresent(),
                () -> "status " + mesh.message(id).map(MessageView::status) + " " + holdfast.logs());
        List<TraceOutput.Entry> entries = TraceOutput.parse(holdfast.shell("holdfast:trace --message-id " + id));
        assertEquals("journal entries for MESH message " + id + ": " + entries, 1, entries.size());
        TraceOutput.Entry e = entries.get(0);
        assertEquals("FileTransfer", e.eventType());
        assertEquals("NEW", e.claim());
        assertEquals("journaled payload size", Optional.of(size), e.payloadSize());
        assertTrue("journaled payload digest " + e.payloadSha256Prefix() + " vs sent " + sha256,
                e.payloadSha256Prefix().filter(sha256::startsWith).isPresent());
        assertChainIntact();
        Files.delete(file);
    }

    @Test
    public void bKillDuringAChunkedUploadLeavesOneCompleteMessageAtTheRecipient() throws Exception {
        String controlId = "LABKILL1";
        byte[] result = labResult(controlId, "LAB26-KILL-1", 40);
        // the first chunk POST goes through, the next chunk is received and held unanswered
        mesh.simulator().faults().inject(Operation.SEND_CHUNK, new Fault.Slow(HOLD), 1);
        try (MllpClient client = MllpClient.connect("127.0.0.1", listenerPort, Duration.ofSeconds(10))) {
            assertTrue("lab result ACKed by the listener", MllpLoad.send(client, new MllpLoad.Message(controlId, "", result)));
        }
        Await.until("upload to " + MeshSide.RECIPIENT + " between chunks", Duration.ofMinutes(1), () -> {
            List<MessageView> out = mesh.messages(MeshSide.HOLDFAST, MeshSide.RECIPIENT);
            return out.size() == 1 && out.get(0).status() == MessageStatus.UPLOADING && mesh.bodiesHeld() > 0;
        }, () -> mesh.messages(MeshSide.HOLDFAST, MeshSide.RECIPIENT) + " " + holdfast.logs());
        holdfast.kill9();
        mesh.simulator().faults().clear();
        MessageView interrupted = mesh.messages(MeshSide.HOLDFAST, MeshSide.RECIPIENT).get(0);
        assertTrue("the upload needs at least 3 chunks for a kill between chunks: " + interrupted, interrupted.totalChunks() >= 3);
        System.out.printf("MeshRestartDistIT: killed during the upload of %s (%d chunks, %d bytes stored)%n", interrupted.messageId(),
                interrupted.totalChunks(), interrupted.size());

        holdfast.start();
        Await.until("the upload completed after the restart", Duration.ofMinutes(2),
                () -> mesh.messages(MeshSide.HOLDFAST, MeshSide.RECIPIENT).stream().anyMatch(m -> m.status() == MessageStatus.ACCEPTED),
                () -> mesh.messages(MeshSide.HOLDFAST, MeshSide.RECIPIENT) + " " + holdfast.logs());
        MessageView delivered = mesh.messages(MeshSide.HOLDFAST, MeshSide.RECIPIENT).stream()
                .filter(m -> m.status() == MessageStatus.ACCEPTED).findFirst().orElseThrow();
        mesh.acknowledgeAs(MeshSide.RECIPIENT, delivered.messageId());
        Await.until("the delivery journaled ACKED (tracking saw the acknowledgement)", Duration.ofMinutes(1),
                () -> trace(controlId).stream().anyMatch(e -> e.count("ACKED") > 0),
                () -> trace(controlId) + " " + holdfast.logs());

        List<MessageView> all = mesh.messages(MeshSide.HOLDFAST, MeshSide.RECIPIENT);
        assertEquals("messages at the recipient (a repeated first POST would make two): " + all, 1, all.size());
        assertEquals(interrupted.messageId(), all.get(0).messageId());
        assertTrue("mex-LocalID is the request id", all.get(0).localId().filter(l -> !l.isBlank()).isPresent());
        String content = mesh.content(all.get(0));
        assertEquals("size of the stored message", content.length(), all.get(0).size());
        assertTrue("the complete lab result arrived (filler order number): " + content, content.contains("LAB26-KILL-1"));
        assertEquals("OBX segments in the delivered result", 40,
                java.util.Arrays.stream(content.split("[\r\n]+")).filter(s -> s.startsWith("OBX|")).count());
        List<TraceOutput.Entry> entries = trace(controlId);
        assertEquals("journal entries for " + controlId + ": " + entries, 1, entries.size());
        assertEquals("delivery ACKED once: " + entries.get(0).stages(), 1, entries.get(0).count("ACKED"));
        assertChainIntact();
        assertFalse("an NHS number was written to karaf.log " + holdfast.logs(), holdfast.logsContain(MllpLoad.NHS_NUMBER));
    }

    private static List<TraceOutput.Entry> trace(String messageId) {
        return TraceOutput.parse(holdfast.shell("holdfast:trace --message-id " + messageId));
    }

    private static void assertChainIntact() {
        String verify = holdfast.shell("holdfast:journal-verify");
        assertTrue("journal chain after kill -9 and restart: " + verify + " " + holdfast.logs(), verify.contains("Journal chain intact"));
    }

    /** ORU^R01 with one OBR and {@code observations} OBX: one LabResult, a few KB once encoded. */
    static byte[] labResult(String controlId, String fillerOrder, int observations) {
        String obx = IntStream.rangeClosed(1, observations).mapToObj(n -> "OBX|" + n + "|NM|T" + n + "^Test analyte number " + n
                + " of the extended panel^WINPATH||" + (100 + n) + "|mmol/L|50-200||||F").collect(Collectors.joining("\r"));
        String m = String.join("\r",
                "MSH|^~\\&|WINPATH|RXX|EPR|RXX|20260301160000||ORU^R01^ORU_R01|" + controlId + "|P|2.4|||AL|NE|GBR|8859/1",
                "PID|1||" + MllpLoad.NHS_NUMBER + "^^^NHS^NH~RX1234567^^^RXX^MR||SMITH^JOANNE^MARIE^^MRS^^L||19800101|F",
                "PV1|1|I|WARD14^BAY2^BED3^RXX01||||C1234567^JONES^ALAN|||300|||||||||V000123^^^RXX^VN",
                "OBR|1|ORD445^EPR|" + fillerOrder + "^WINPATH|PANEL^Extended panel^WINPATH|||20260301120000|||||||||C1234567^JONES^ALAN"
                        + "||||||20260301155900|||F",
                obx) + "\r";
        return m.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long sizeOf(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : -1;
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
