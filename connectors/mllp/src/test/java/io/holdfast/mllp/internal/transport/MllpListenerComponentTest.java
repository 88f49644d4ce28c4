package io.holdfast.mllp.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.hl7v2.Fixtures;
import io.holdfast.mllp.internal.config.AckMode;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.mllp.protocol.MllpFraming;
import io.holdfast.testkit.TestKernel;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Component tests: a real listener on a loopback port in front of the real kernel (Derby, journal,
 * idempotency, Intake). Covers ACK-after-durable and every framing case of issue 6 point 1.
 */
class MllpListenerComponentTest {
    static final Duration T = Duration.ofSeconds(10);
    @TempDir
    Path dir;
    TestKernel kernel;
    MllpListener listener;

    @BeforeEach
    void start() throws Exception {
        kernel = KernelFixture.start(dir);
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
        kernel.close();
    }

    MllpClient listen(ListenerSettings settings, Intake intake) throws Exception {
        listener = new MllpListener(settings, intake);
        listener.start();
        return MllpClient.connect("127.0.0.1", listener.boundPort(), T);
    }

    MllpClient listen() throws Exception {
        return listen(ListenerSettings.loopback("adt-feed", 0), kernel.intake());
    }

    static byte[] msg(String fixture, String controlId) {
        String t = Fixtures.text(fixture);
        String[] f = t.split("\\|", 11);
        t = t.replaceFirst("\\|" + java.util.regex.Pattern.quote(f[9]) + "\\|", "|" + controlId + "|");
        return t.getBytes(StandardCharsets.ISO_8859_1);
    }

    static AckMessage ack(byte[] bytes) {
        return AckMessage.read(bytes).orElseThrow(() -> new AssertionError("not an ACK: " + new String(bytes, StandardCharsets.ISO_8859_1)));
    }

    @Test
    void admissionIsAcknowledgedAfterItIsInTheJournal() throws Exception {
        try (MllpClient c = listen()) {
            AckMessage a = ack(c.exchange(msg("adt_a01_v24.hl7", "M1"), T));
            assertThat(a.code()).isEqualTo(AckCode.CA); // MSH-15 AL / MSH-16 NE in the fixture: enhanced mode
            assertThat(a.controlId()).isEqualTo("M1");
            List<JournalEntry> stored = kernel.journal().byMessageId("M1");
            assertThat(stored).singleElement().satisfies(e -> {
                assertThat(e.claim()).contains(ClaimOutcome.NEW);
                assertThat(e.channel()).isEqualTo("mllp:adt-feed");
            });
            assertThat(kernel.journal().fields(stored.get(0).id())).isNotEmpty();
        }
    }

    @Test
    void senderRetryWithANewMsh10IsAcknowledgedAndNotRoutedAgain() throws Exception {
        try (MllpClient c = listen()) {
            assertThat(ack(c.exchange(msg("adt_a02_v24.hl7", "R1"), T)).code()).isEqualTo(AckCode.AA);
            assertThat(ack(c.exchange(msg("adt_a02_v24.hl7", "R2"), T)).code()).isEqualTo(AckCode.AA);
            assertThat(ack(c.exchange(msg("adt_a02_v24.hl7", "R1"), T)).code()).isEqualTo(AckCode.AA);
            assertThat(kernel.journal().byMessageId("R2").get(0).claim()).contains(ClaimOutcome.DUPLICATE);
            assertThat(kernel.idempotency().count()).isEqualTo(1);
        }
    }

    @Test
    void pipelinedFramesInOneWriteAreAcknowledgedInOrder() throws Exception {
        try (MllpClient c = listen()) {
            ByteArrayOutputStream burst = new ByteArrayOutputStream();
            for (int i = 0; i < 30; i++) {
                burst.write(MllpFraming.frame(msg(i % 2 == 0 ? "adt_a02_v24.hl7" : "adt_a03_v24.hl7", "P" + i)));
            }
            c.sendRaw(burst.toByteArray());
            for (int i = 0; i < 30; i++) {
                assertThat(ack(c.read(T)).controlId()).isEqualTo("P" + i);
            }
        }
    }

    @Test
    void acksLeaveInArrivalOrderEvenWhenIntakeCompletesOutOfOrder() throws Exception {
        List<CompletableFuture<IntakeReceipt>> held = new ArrayList<>();
        Intake slowFirst = (env, payload, decoded, trail) -> {
            CompletableFuture<IntakeReceipt> f = new CompletableFuture<>();
            synchronized (held) {
                held.add(f);
            }
            return f;
        };
        try (MllpClient c = listen(ListenerSettings.loopback("ordered", 0), slowFirst)) {
            c.sendRaw(concat(MllpFraming.frame(msg("adt_a02_v24.hl7", "O1")), MllpFraming.frame(msg("adt_a02_v24.hl7", "O2")),
                    MllpFraming.frame(msg("adt_a02_v24.hl7", "O3"))));
            while (true) {
                synchronized (held) {
                    if (held.size() == 3) {
                        break;
                    }
                }
                Thread.sleep(10);
            }
            IntakeReceipt ok = new IntakeReceipt(1, false, List.of());
            held.get(2).complete(ok);
            held.get(1).complete(ok);
            Thread.sleep(200);
            assertThat(c.isClosedByPeer(Duration.ofMillis(100))).isFalse(); // nothing sent yet: O1 still pending
            held.get(0).complete(ok);
            assertThat(List.of(ack(c.read(T)).controlId(), ack(c.read(T)).controlId(), ack(c.read(T)).controlId()))
                    .containsExactly("O1", "O2", "O3");
        }
    }

    @Test
    void aFrameSpreadOverManyWritesIsReassembled() throws Exception {
        try (MllpClient c = listen()) {
            byte[] framed = MllpFraming.frame(msg("adt_a03_v24.hl7", "S1"));
            for (int i = 0; i < framed.length; i += 7) {
                c.sendRaw(java.util.Arrays.copyOfRange(framed, i, Math.min(framed.length, i + 7)));
                Thread.sleep(1);
            }
            assertThat(ack(c.read(T)).controlId()).isEqualTo("S1");
        }
    }

    @Test
    void bytesBeforeTheStartBlockAreDiscardedAndCounted() throws Exception {
        try (MllpClient c = listen()) {
            c.sendRaw(concat("garbage!".getBytes(StandardCharsets.US_ASCII), MllpFraming.frame(msg("adt_a03_v24.hl7", "G1"))));
            assertThat(ack(c.read(T)).code()).isEqualTo(AckCode.AA);
            assertThat(listener.stats().discardedBytes()).isEqualTo(8);
        }
    }

    @Test
    void crLfAfterTheEndBlockIsTolerated() throws Exception {
        try (MllpClient c = listen()) {
            byte[] one = concat(MllpFraming.frame(msg("adt_a03_v24.hl7", "L1")), new byte[] {'\n'});
            byte[] two = concat(MllpFraming.frame(msg("adt_a02_v24.hl7", "L2")), new byte[] {'\n'});
            c.sendRaw(concat(one, two));
            assertThat(ack(c.read(T)).controlId()).isEqualTo("L1");
            assertThat(ack(c.read(T)).controlId()).isEqualTo("L2");
            assertThat(listener.stats().discardedBytes()).isZero();
        }
    }

    @Test
    void anOversizedFrameGetsARNamingTheLimitThenTheConnectionCloses() throws Exception {
        try (MllpClient c = listen(ListenerSettings.loopback("small", 0).withMaxFrameBytes(1024), kernel.intake())) {
            assertThat(ack(c.exchange(msg("adt_a03_v24.hl7", "B0"), T)).code()).isEqualTo(AckCode.AA);
            String big = new String(msg("adt_a03_v24.hl7", "B1"), StandardCharsets.ISO_8859_1) + "ZXX|" + "x".repeat(4000) + "\r";
            c.send(big.getBytes(StandardCharsets.ISO_8859_1));
            AckMessage a = ack(c.read(T));
            assertThat(a.code()).isEqualTo(AckCode.AR);
            assertThat(a.controlId()).isEqualTo("B1");
            assertThat(a.text()).contains("maxFrameBytes=1024");
            assertThat(c.isClosedByPeer(T)).isTrue();
            JournalEntry rejected = kernel.journal().byMessageId("B1").get(0);
            assertThat(rejected.stages()).extracting(s -> s.stage()).contains(Stage.REJECTED);
            assertThat(rejected.payload().orElseThrow().size()).isEqualTo(1024);
        }
    }

    @Test
    void aDisconnectMidFrameKeepsThePartialBytesAsARejection() throws Exception {
        try (MllpClient c = listen()) {
            byte[] framed = MllpFraming.frame(msg("adt_a01_v24.hl7", "D1"));
            c.sendRaw(java.util.Arrays.copyOf(framed, 100));
        }
        JournalEntry e = awaitSingle("D1");
        assertThat(e.stages()).extracting(s -> s.stage()).containsExactly(Stage.RECEIVED, Stage.REJECTED);
        assertThat(e.stages().get(1).detail()).contains("INCOMPLETE_FRAME");
        assertThat(e.payload().orElseThrow().size()).isEqualTo(99);
    }

    @Test
    void aStalledFrameIsAbandonedAfterTheInterByteTimeout() throws Exception {
        ListenerSettings s = ListenerSettings.loopback("stall", 0).withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300),
                Duration.ofMinutes(1));
        try (MllpClient c = listen(s, kernel.intake())) {
            c.sendRaw(java.util.Arrays.copyOf(MllpFraming.frame(msg("adt_a01_v24.hl7", "T1")), 120));
            assertThat(c.isClosedByPeer(T)).isTrue();
        }
        assertThat(awaitSingle("T1").stages().get(1).detail()).contains("INCOMPLETE_FRAME");
    }

    @Test
    void aSilentConnectionIsClosedAfterTheFirstByteTimeout() throws Exception {
        ListenerSettings s = ListenerSettings.loopback("silent", 0).withTimeouts(Duration.ofMillis(300), Duration.ZERO, Duration.ZERO);
        try (MllpClient c = listen(s, kernel.intake())) {
            assertThat(c.isClosedByPeer(T)).isTrue();
        }
    }

    @Test
    void noParsableMshGetsARWithAMinimalMshAfterJournaling() throws Exception {
        try (MllpClient c = listen()) {
            byte[] reply = c.exchange("PID|1||9449305552^^^NHS^NH\r".getBytes(StandardCharsets.ISO_8859_1), T);
            AckMessage a = ack(reply);
            assertThat(a.code()).isEqualTo(AckCode.AR);
            assertThat(a.controlId()).isEmpty();
            assertThat(new String(reply, StandardCharsets.ISO_8859_1)).startsWith("MSH|^~\\&|HOLDFAST|adt-feed").contains("\rERR|");
            assertThat(kernel.journal().counts().rejected()).isEqualTo(1);
        }
    }

    @Test
    void anInvalidNhsNumberGetsARWithErr() throws Exception {
        try (MllpClient c = listen(ListenerSettings.loopback("orig", 0).withAckMode(AckMode.ORIGINAL), kernel.intake())) {
            byte[] reply = c.exchange(msg("adt_a01_invalid_nhs.hl7", "N1"), T);
            AckMessage a = ack(reply);
            assertThat(a.code()).isEqualTo(AckCode.AR);
            assertThat(a.text()).contains("INVALID_NHS_NUMBER").doesNotContain("9449305553");
            assertThat(new String(reply, StandardCharsets.ISO_8859_1)).contains("ERR|^^^102&");
            assertThat(kernel.journal().byMessageId("N1").get(0).stages()).extracting(s -> s.stage()).contains(Stage.REJECTED);
        }
    }

    @Test
    void unmappedTypesAreAcceptedAndKept() throws Exception {
        try (MllpClient c = listen()) {
            assertThat(ack(c.exchange(msg("adt_a60_v25.hl7", "U1"), T)).code()).isEqualTo(AckCode.AA);
            assertThat(kernel.journal().byMessageId("U1")).hasSize(1);
        }
    }

    @Test
    void enhancedModeNeverAckTypeGetsNoAck() throws Exception {
        try (MllpClient c = listen()) {
            String ne = new String(msg("adt_a03_v24.hl7", "E1"), StandardCharsets.ISO_8859_1).replaceFirst("\\|P\\|2\\.4", "|P|2.4|||NE|NE");
            c.send(ne.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(ack(c.exchange(msg("adt_a02_v24.hl7", "E2"), T)).controlId()).isEqualTo("E2");
            assertThat(kernel.journal().byMessageId("E1")).hasSize(1);
        }
    }

    @Test
    void intakeRefusalIsAnsweredAeSoTheSenderRetries() throws Exception {
        Intake refusing = (env, payload, decoded, trail) -> CompletableFuture.failedFuture(
                new IntakeRefusedException(IntakeRefusedException.Reason.STORE_UNAVAILABLE, "store down"));
        try (MllpClient c = listen(ListenerSettings.loopback("refusing", 0), refusing)) {
            AckMessage a = ack(c.exchange(msg("adt_a02_v24.hl7", "X1"), T));
            assertThat(a.code()).isEqualTo(AckCode.AE);
            assertThat(a.text()).contains("STORE_UNAVAILABLE");
            assertThat(ack(c.exchange(msg("adt_a01_v24.hl7", "X2"), T)).code()).isEqualTo(AckCode.CE);
        }
    }

    @Test
    void aPortInUseFailsStartWithNothingLeftRunning() throws Exception {
        try (MllpClient c = listen()) {
            MllpListener second = new MllpListener(ListenerSettings.loopback("clash", listener.boundPort()), kernel.intake());
            assertThatThrownBy(second::start).isInstanceOf(java.net.BindException.class);
            assertThat(second.isBound()).isFalse();
            second.close();
        }
    }

    @Test
    void manyConcurrentConnectionsAreAllDurableAndGroupCommitted() throws Exception {
        listen().close();
        int connections = 16;
        int perConnection = 40;
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<Integer>> done = new ArrayList<>();
        for (int n = 0; n < connections; n++) {
            int conn = n;
            done.add(pool.submit(() -> {
                int ok = 0;
                try (MllpClient c = MllpClient.connect("127.0.0.1", listener.boundPort(), T)) {
                    for (int i = 0; i < perConnection; i++) {
                        String id = "C" + conn + "-" + i;
                        String m = new String(msg("adt_a02_v24.hl7", id), StandardCharsets.ISO_8859_1)
                                .replace("V000123", "V" + conn + "x" + i);
                        AckMessage a = ack(c.exchange(m.getBytes(StandardCharsets.ISO_8859_1), T));
                        if (a.code() == AckCode.AA && a.controlId().equals(id)) {
                            ok++;
                        }
                    }
                }
                return ok;
            }));
        }
        int acked = 0;
        for (Future<Integer> f : done) {
            acked += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(acked).isEqualTo(connections * perConnection);
        assertThat(kernel.idempotency().count()).isEqualTo(connections * perConnection);
        assertThat(kernel.counters().commits()).isLessThan(connections * perConnection);
        assertThat(kernel.journal().verify().intact()).isTrue();
    }

    JournalEntry awaitSingle(String messageId) throws InterruptedException {
        long deadline = System.nanoTime() + T.toNanos();
        while (System.nanoTime() < deadline) {
            List<JournalEntry> found = kernel.journal().byMessageId(messageId);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing journaled for " + messageId);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @SuppressWarnings("unused")
    private static final Class<?> EOF = EOFException.class;
}
