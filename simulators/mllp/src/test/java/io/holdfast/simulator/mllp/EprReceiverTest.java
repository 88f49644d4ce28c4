package io.holdfast.simulator.mllp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
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

    AckReply exchange(MllpConnection c) throws Exception {
        return AckReply.read(c.exchange(feed.next(), T)).orElseThrow();
    }

    @Test
    void acceptsAndRecordsMessages() throws Exception {
        try (MllpConnection c = MllpConnection.open("127.0.0.1", epr.port(), T)) {
            assertThat(exchange(c).code()).isEqualTo(AckCode.CA); // the feed sets MSH-15 AL: enhanced mode
            assertThat(epr.received()).hasSize(1);
        }
    }

    @Test
    void errorAndRejectModesForTheNextMessagesOnly() throws Exception {
        try (MllpConnection c = MllpConnection.open("127.0.0.1", epr.port(), T)) {
            epr.fault(FaultMode.AE, 1);
            assertThat(exchange(c).code()).isEqualTo(AckCode.CE);
            epr.fault(FaultMode.AR, 1);
            AckReply ar = exchange(c);
            assertThat(ar.code()).isEqualTo(AckCode.CR);
            assertThat(ar.text()).isNotEmpty();
            assertThat(exchange(c).code()).isEqualTo(AckCode.CA);
        }
    }

    /** HAPI, independent of both Holdfast sides, reads the simulator's ACKs: MSA-2 echoes MSH-10, ERR carries the reason. */
    @Test
    void acksAreHl7AcknowledgementsAnIndependentParserReads() throws Exception {
        HapiContext hapi = new DefaultHapiContext(ValidationContextFactory.noValidation());
        try (MllpConnection c = MllpConnection.open("127.0.0.1", epr.port(), T)) {
            byte[] message = feed.next();
            Terser sent = new Terser(hapi.getPipeParser().parse(new String(message, StandardCharsets.ISO_8859_1)));
            Terser ok = new Terser(hapi.getPipeParser().parse(new String(c.exchange(message, T), StandardCharsets.ISO_8859_1)));
            assertThat(ok.get("/MSH-9-1")).isEqualTo("ACK");
            assertThat(ok.get("/MSH-3")).isEqualTo(sent.get("/MSH-5"));
            assertThat(ok.get("/MSH-5")).isEqualTo(sent.get("/MSH-3"));
            assertThat(ok.get("/MSA-1")).isEqualTo("CA");
            assertThat(ok.get("/MSA-2")).isEqualTo(sent.get("/MSH-10"));
            epr.fault(FaultMode.AR, 1);
            message = feed.next();
            sent = new Terser(hapi.getPipeParser().parse(new String(message, StandardCharsets.ISO_8859_1)));
            Terser rejected = new Terser(hapi.getPipeParser().parse(new String(c.exchange(message, T), StandardCharsets.ISO_8859_1)));
            assertThat(rejected.get("/MSA-1")).isEqualTo("CR");
            assertThat(rejected.get("/MSA-2")).isEqualTo(sent.get("/MSH-10"));
            assertThat(rejected.get("/MSA-3")).isEqualTo("patient not known to EPR");
            assertThat(rejected.get("/ERR-1-4-1")).as("v2.4 ERR-1 error code, table 0357").isEqualTo("101");
        }
    }

    @Test
    void noAckSlowAckAndDroppedConnection() throws Exception {
        try (MllpConnection c = MllpConnection.open("127.0.0.1", epr.port(), T)) {
            epr.fault(FaultMode.NO_ACK, 1);
            assertThatThrownBy(() -> c.exchange(feed.next(), Duration.ofMillis(300))).isInstanceOf(SocketTimeoutException.class);
        }
        try (MllpConnection c = MllpConnection.open("127.0.0.1", epr.port(), T)) {
            epr.slowDelay(Duration.ofMillis(400));
            epr.fault(FaultMode.SLOW_ACK, 1);
            long start = System.nanoTime();
            assertThat(exchange(c).code()).isEqualTo(AckCode.CA);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(350));
        }
        try (MllpConnection c = MllpConnection.open("127.0.0.1", epr.port(), T)) {
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
