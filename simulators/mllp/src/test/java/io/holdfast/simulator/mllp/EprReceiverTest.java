package io.holdfast.simulator.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.mllp.protocol.AckCode;
import io.holdfast.mllp.protocol.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EprReceiverTest {
    static final Duration T = Duration.ofSeconds(5);
    EprReceiver epr;
    final PasFeedGenerator feed = new PasFeedGenerator(3);

    @BeforeEach
    void start() throws Exception {
        epr = new EprReceiver("127.0.0.1", 0).start();
    }

    @AfterEach
    void stop() {
        epr.close();
    }

    AckMessage exchange(MllpClient c) throws Exception {
        return AckMessage.read(c.exchange(feed.next(), T)).orElseThrow();
    }

    @Test
    void acceptsAndRecordsMessages() throws Exception {
        try (MllpClient c = MllpClient.connect("127.0.0.1", epr.port(), T)) {
            assertThat(exchange(c).code()).isEqualTo(AckCode.CA); // the feed sets MSH-15 AL: enhanced mode
            assertThat(epr.received()).hasSize(1);
        }
    }

    @Test
    void errorAndRejectModesForTheNextMessagesOnly() throws Exception {
        try (MllpClient c = MllpClient.connect("127.0.0.1", epr.port(), T)) {
            epr.fault(FaultMode.AE, 1);
            assertThat(exchange(c).code()).isEqualTo(AckCode.CE);
            epr.fault(FaultMode.AR, 1);
            AckMessage ar = exchange(c);
            assertThat(ar.code()).isEqualTo(AckCode.CR);
            assertThat(ar.text()).isNotEmpty();
            assertThat(exchange(c).code()).isEqualTo(AckCode.CA);
        }
    }

    @Test
    void noAckSlowAckAndDroppedConnection() throws Exception {
        try (MllpClient c = MllpClient.connect("127.0.0.1", epr.port(), T)) {
            epr.fault(FaultMode.NO_ACK, 1);
            assertThatThrownBy(() -> c.exchange(feed.next(), Duration.ofMillis(300))).isInstanceOf(SocketTimeoutException.class);
        }
        try (MllpClient c = MllpClient.connect("127.0.0.1", epr.port(), T)) {
            epr.slowDelay(Duration.ofMillis(400));
            epr.fault(FaultMode.SLOW_ACK, 1);
            long start = System.nanoTime();
            assertThat(exchange(c).code()).isEqualTo(AckCode.CA);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        }
        try (MllpClient c = MllpClient.connect("127.0.0.1", epr.port(), T)) {
            epr.fault(FaultMode.DROP_CONNECTION, 1);
            assertThatThrownBy(() -> c.exchange(feed.next(), T)).isInstanceOf(java.io.EOFException.class);
        }
    }

    @Test
    void feedSenderRetriesAeWithTheSameMessage() throws Exception {
        epr.fault(FaultMode.AE, 2);
        FeedSender sender = new FeedSender("127.0.0.1", epr.port(), T, 3);
        var outcomes = sender.send(new PasFeedGenerator(5), 10, 0);
        assertThat(outcomes).containsEntry(AckCode.CE, 2L).containsEntry(AckCode.CA, 10L);
        assertThat(epr.received()).hasSize(12);
        assertThat(epr.received().get(0).controlId()).isEqualTo(epr.received().get(2).controlId());
    }
}
