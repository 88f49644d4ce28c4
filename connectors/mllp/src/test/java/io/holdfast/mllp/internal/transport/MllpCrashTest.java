package io.holdfast.mllp.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.testkit.TestKernel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 point 8, plain-JVM form: a child JVM runs the listener on the real kernel, four
 * connections load it, the child is killed with SIGKILL mid-load; after reopening the same
 * database every message that was ACKed is in the journal, the hash chain is intact, and the
 * senders' retries of ACKed messages are DUPLICATE (so nothing is routed twice).
 */
class MllpCrashTest {
    static final Duration T = Duration.ofSeconds(10);
    @TempDir
    Path dir;

    @Test
    void everyAckedMessageSurvivesAKillDashNine() throws Exception {
        Path portFile = dir.resolve("port");
        Path data = dir.resolve("kernel");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), CrashChild.class.getName(), data.toString(), portFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(portFile) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            int port = Integer.parseInt(Files.readString(portFile).trim());
            Map<String, byte[]> acked = new ConcurrentHashMap<>();
            AtomicLong sent = new AtomicLong();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread s = new Thread(() -> {
                    try (MllpClient c = MllpClient.connect("127.0.0.1", port, T)) {
                        while (true) {
                            byte[] m = MllpBenchmark.nextMessage();
                            sent.incrementAndGet();
                            AckMessage a = AckMessage.read(c.exchange(m, T)).orElseThrow();
                            if (a.code().outcome() == AckCode.Outcome.ACCEPTED) {
                                acked.put(a.controlId(), m);
                            }
                        }
                    } catch (Exception expected) {
                        // the child was killed
                    }
                });
                s.start();
                senders.add(s);
            }
            while (acked.size() < 40 && child.isAlive()) {
                Thread.sleep(20);
            }
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            for (Thread s : senders) {
                s.join(TimeUnit.SECONDS.toMillis(30));
            }
            assertThat(acked).hasSizeGreaterThanOrEqualTo(40);

            try (TestKernel restarted = KernelFixture.start(data)) {
                for (String id : acked.keySet()) {
                    assertThat(restarted.journal().byMessageId(id)).as("ACKed %s", id).isNotEmpty();
                }
                assertThat(restarted.journal().verify().intact()).isTrue();
                // The senders resend what they never got an ACK for and, being careful, also what they did: all duplicates.
                try (MllpListener again = new MllpListener(ListenerSettings.loopback("again", 0), restarted.intake())) {
                    again.start();
                    try (MllpClient c = MllpClient.connect("127.0.0.1", again.boundPort(), T)) {
                        for (Map.Entry<String, byte[]> e : acked.entrySet()) {
                            assertThat(AckMessage.read(c.exchange(e.getValue(), T)).orElseThrow().code()).isEqualTo(AckCode.CA);
                        }
                    }
                    for (String id : acked.keySet()) {
                        List<JournalEntry> entries = restarted.journal().byMessageId(id);
                        assertThat(entries).hasSize(2);
                        assertThat(entries.get(1).claim()).contains(ClaimOutcome.DUPLICATE);
                    }
                }
            }
        } finally {
            child.destroyForcibly();
        }
    }
}
