package io.holdfast.mllp.internal.transport;

import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.T;
import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.ack;
import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.msg;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.mllp.internal.config.CidrRange;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.mllp.protocol.MllpFraming;
import io.holdfast.testkit.TestKernel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 2: a listener is bounded — allow-list, connections per listener and per peer,
 * and a whole-frame deadline a trickling sender cannot extend. The old listener took any number
 * of connections from anywhere and reset its only frame timer on every byte.
 */
class MllpListenerLimitsTest {
    @TempDir
    Path dir;
    TestKernel kernel;
    MllpListener listener;
    final List<MllpClient> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        kernel = KernelFixture.start(dir);
    }

    @AfterEach
    void stop() throws IOException {
        for (MllpClient c : clients) {
            c.close();
        }
        if (listener != null) {
            listener.close();
        }
        kernel.close();
    }

    void listen(ListenerSettings.Limits limits) throws Exception {
        listener = new MllpListener(ListenerSettings.loopback("bounded", 0).withLimits(limits), kernel.intake());
        listener.start();
    }

    MllpClient connect() throws IOException {
        MllpClient c = MllpClient.connect("127.0.0.1", listener.boundPort(), T);
        clients.add(c);
        return c;
    }

    static ListenerSettings.Limits limits(int max, int perPeer, String... allow) {
        return new ListenerSettings.Limits(Duration.ofSeconds(60), max, perPeer, java.util.Arrays.stream(allow).map(CidrRange::parse).toList());
    }

    boolean works(MllpClient c, String controlId) throws IOException {
        return ack(c.exchange(msg("adt_a02_v24.hl7", controlId), T)).code() == AckCode.AA;
    }

    @Test
    void aPeerOutsideTheAllowListIsClosedBeforeAnyByteAndCounted() throws Exception {
        listen(limits(10, 10, "10.0.0.0/8", "::1/128"));
        MllpClient outsider = connect();
        assertThat(outsider.isClosedByPeer(T)).isTrue();
        assertThat(listener.stats().connectionsRefused()).isEqualTo(1);
        assertThat(listener.stats().frames()).isZero();
    }

    @Test
    void aPeerInsideTheAllowListIsServed() throws Exception {
        listen(limits(10, 10, "10.0.0.0/8", "127.0.0.0/8"));
        assertThat(works(connect(), "A1")).isTrue();
        assertThat(listener.stats().connectionsRefused()).isZero();
    }

    @Test
    void connectionsBeyondMaxConnectionsAreClosedAndASlotFreesWhenOneCloses() throws Exception {
        listen(limits(2, 10));
        MllpClient first = connect();
        MllpClient second = connect();
        assertThat(works(first, "M1") && works(second, "M2")).isTrue();
        assertThat(connect().isClosedByPeer(T)).isTrue();
        assertThat(listener.stats().connectionsRefused()).isEqualTo(1);
        first.close();
        awaitOpenConnections(1);
        assertThat(works(connect(), "M3")).isTrue();
    }

    @Test
    void connectionsBeyondMaxConnectionsPerPeerAreClosed() throws Exception {
        listen(limits(10, 1));
        MllpClient first = connect();
        assertThat(works(first, "P1")).isTrue();
        assertThat(connect().isClosedByPeer(T)).isTrue();
        assertThat(works(first, "P2")).isTrue();
        first.close();
        awaitOpenConnections(0);
        assertThat(works(connect(), "P3")).isTrue();
    }

    /** Slow-loris: one byte every 100 ms keeps the inter-byte timer (300 ms) happy, but the frame must end within 800 ms. */
    @Test
    void aTricklingFrameIsAbandonedAtTheWholeFrameDeadline() throws Exception {
        listener = new MllpListener(ListenerSettings.loopback("loris", 0)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofMinutes(1))
                .withLimits(new ListenerSettings.Limits(Duration.ofMillis(800), 10, 10, List.of())), kernel.intake());
        listener.start();
        MllpClient loris = connect();
        byte[] frame = MllpFraming.frame(msg("adt_a01_v24.hl7", "S1"));
        ExecutorService trickler = Executors.newSingleThreadExecutor();
        long started = System.nanoTime();
        Future<Integer> sent = trickler.submit(() -> {
            int i = 0;
            try {
                for (; i < frame.length - 2; i++) {
                    loris.sendRaw(new byte[] {frame[i]});
                    Thread.sleep(100);
                }
            } catch (IOException closed) {
                return i;
            }
            return i;
        });
        try {
            assertThat(loris.isClosedByPeer(Duration.ofSeconds(10))).isTrue();
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(tookMs).isBetween(700L, 3000L);
            // The trickler's next writes fail on the closed connection long before the whole frame is out.
            assertThat(sent.get(T.toMillis(), TimeUnit.MILLISECONDS)).isLessThan(frame.length - 2);
        } finally {
            trickler.shutdownNow();
        }
        // Only the first bytes arrived (no MSH-10 yet): the journal keeps them under a generated id.
        JournalEntry e = awaitJournaled("loris");
        assertThat(e.stages().get(1).detail()).contains("INCOMPLETE_FRAME").contains("frameTimeout");
    }

    void awaitOpenConnections(int expected) throws InterruptedException {
        long deadline = System.nanoTime() + T.toNanos();
        while (listener.openConnections() != expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(listener.openConnections()).isEqualTo(expected);
    }

    JournalEntry awaitJournaled(String sourceSystem) throws InterruptedException {
        long deadline = System.nanoTime() + T.toNanos();
        while (System.nanoTime() < deadline) {
            List<JournalEntry> found = kernel.journal().bySystem(sourceSystem, 1);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("nothing journaled from " + sourceSystem);
    }
}
