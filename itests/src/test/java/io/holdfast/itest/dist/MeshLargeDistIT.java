package io.holdfast.itest.dist;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.holdfast.simulator.mesh.MessageStatus;
import io.holdfast.simulator.mesh.StoredMessage.MessageView;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.process.DistributionTestSupport;
import io.holdfast.testkit.process.HoldfastProcess;
import io.holdfast.testkit.process.TraceOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Streaming end to end: the distribution, its Karaf JVM limited to {@code -Xmx256m} (through bin/setenv's
 * JAVA_MAX_MEM), receives a 100 MiB MESH message whose first chunk alone is 100 MB, journals it (encrypted
 * payload file) and acknowledges it, then sends a 100 MiB file to another mailbox with
 * {@code holdfast:mesh-send} in 100 MB chunks. Neither fits next to Karaf in 256 MB of heap as a byte
 * array, so both directions must stream. Digests are compared on both sides; the log must show no
 * OutOfMemoryError and the JVM must still be the one that started.
 */
public class MeshLargeDistIT extends DistributionTestSupport {
    private static final long SIZE = 100L * 1024 * 1024;
    private static final long CHUNK = 100_000_000L;
    private static MeshSide mesh;
    private static Path file;
    private static String sha256;

    @BeforeClass
    public static void startDistribution() throws Exception {
        setUpDistribution(() -> {
            mesh = new MeshSide(Path.of("target", "dist", "mesh-large-sim").toAbsolutePath());
            holdfast = HoldfastProcess.unpack("mesh-large").maxHeap("256m");
            holdfast.writeConfig("io.holdfast.mesh.mailbox-x26hf01.cfg", mesh.holdfastMailboxConfig(CHUNK));
            file = holdfast.home().resolveSibling("mesh-large-100mib.bin");
            sha256 = MeshSide.randomFile(file, SIZE, 100);
            routeToUnreachableTarget("mesh-inbound", MeshSide.SENDER, "nowhere");
            holdfast.start();
            holdfast.installFeatures("holdfast-mesh");
            addUnreachableTarget("nowhere");
        });
    }

    @AfterClass
    public static void cleanUp() throws Exception {
        if (mesh != null) {
            mesh.close();
        }
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    @Test
    public void a100MibMessageStreamsInAndOutOfA256MbHeap() throws Exception {
        long pid = holdfast.karafPid().orElseThrow();
        List<String> jvmArgs = ProcessHandle.of(pid).flatMap(h -> h.info().arguments()).map(Arrays::asList).orElse(List.of());
        assertTrue("the Karaf JVM runs with -Xmx256m: " + jvmArgs, jvmArgs.contains("-Xmx256m"));

        long t0 = System.nanoTime();
        String inbound = mesh.send(MeshSide.SENDER, MeshSide.HOLDFAST, "LARGE_IN", file, CHUNK, "large-in-1");
        assertEquals(2, mesh.message(inbound).orElseThrow().totalChunks());
        Await.until("the 100 MiB message received, journaled and acknowledged", Duration.ofMinutes(2),
                () -> mesh.message(inbound).map(MessageView::status).filter(MessageStatus.ACKNOWLEDGED::equals).isPresent(),
                () -> "status " + mesh.message(inbound).map(MessageView::status) + " " + holdfast.logs());
        long received = System.nanoTime();
        List<TraceOutput.Entry> entries = TraceOutput.parse(holdfast.shell("holdfast:trace --message-id " + inbound));
        assertEquals("journal entries for " + inbound + ": " + entries, 1, entries.size());
        assertEquals("journaled payload size", Optional.of(SIZE), entries.get(0).payloadSize());
        assertTrue("journaled payload digest " + entries.get(0).payloadSha256Prefix() + " vs sent " + sha256,
                entries.get(0).payloadSha256Prefix().filter(p -> p.length() >= 12 && sha256.startsWith(p)).isPresent());

        String sendOutput = holdfast.shell("holdfast:mesh-send --to " + MeshSide.RECIPIENT + " --workflow LARGE_OUT --local-id large-out-1 "
                + file);
        long sent = System.nanoTime();
        List<MessageView> out = mesh.messages(MeshSide.HOLDFAST, MeshSide.RECIPIENT);
        assertEquals("messages sent by the distribution: " + out + "; mesh-send said: " + sendOutput, 1, out.size());
        MessageView m = out.get(0);
        assertEquals(MessageStatus.ACCEPTED, m.status());
        assertEquals(Optional.of("large-out-1"), m.localId());
        assertEquals("chunks of at most 100 MB", 2, m.totalChunks());
        assertEquals("size at the recipient", SIZE, m.size());
        assertEquals("content digest at the recipient", sha256, mesh.contentSha256(m));

        assertTrue("the Karaf JVM that started is still running " + holdfast.logs(), ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse("OutOfMemoryError in the logs " + holdfast.logs(), holdfast.logsContain("OutOfMemoryError"));
        String verify = holdfast.shell("holdfast:journal-verify");
        assertTrue("journal chain: " + verify, verify.contains("Journal chain intact"));
        System.out.printf("MeshLargeDistIT: 100 MiB received+journaled+acknowledged in %.1f s, sent in %.1f s (-Xmx256m)%n",
                (received - t0) / 1e9, (sent - received) / 1e9);
    }
}
