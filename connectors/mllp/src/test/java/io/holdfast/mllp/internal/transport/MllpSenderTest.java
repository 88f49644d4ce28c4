package io.holdfast.mllp.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.hl7v2.Fixtures;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.hl7v2.MshHeader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sender against a real MLLP listener whose Intake answers as each test wants. */
class MllpSenderTest {
    enum Behaviour { OK, REJECT, REFUSE, HANG }

    volatile Behaviour behaviour = Behaviour.OK;
    final List<String> seenControlIds = new CopyOnWriteArrayList<>();
    MllpListener receiver;
    MllpSender sender = new MllpSender(Duration.ofSeconds(5), Duration.ofSeconds(15), 2);

    @BeforeEach
    void start() throws Exception {
        Intake intake = (Envelope env, Payload p, io.holdfast.api.message.DecodeResult d, io.holdfast.api.message.FieldTrail t) -> {
            seenControlIds.add(env.messageId());
            return switch (behaviour) {
                case OK -> CompletableFuture.completedFuture(new IntakeReceipt(1, false, List.of()));
                case REJECT -> CompletableFuture.completedFuture(new IntakeReceipt(1, true, List.of()));
                case REFUSE -> CompletableFuture.failedFuture(new IntakeRefusedException(IntakeRefusedException.Reason.BACK_PRESSURE, "full"));
                case HANG -> new CompletableFuture<>();
            };
        };
        receiver = new MllpListener(ListenerSettings.loopback("epr", 0), intake);
        receiver.start();
    }

    @AfterEach
    void stop() {
        sender.close();
        receiver.close();
    }

    OutboundRequest request(String requestId, int attempt, Map<String, String> headers) {
        DownstreamSystem epr = new DownstreamSystem("epr", "EPR", Optional.empty(), "dev", "MLLP", WireFormat.hl7v2("2.4"),
                "mllp://127.0.0.1:" + receiver.boundPort(), AuthPattern.NONE, Optional.empty(), Optional.empty());
        return new OutboundRequest(requestId, attempt, epr, Payload.of(Fixtures.bytes("adt_a03_v24.hl7")), headers, new AuthMaterial.None());
    }

    @Test
    void deliversAndReusesTheConnection() {
        assertThat(sender.deliver(request("3f2a9c1e-0000-4000-8000-000000000001", 1, Map.of())))
                .isInstanceOf(DeliveryResult.Acknowledged.class);
        assertThat(sender.deliver(request("3f2a9c1e-0000-4000-8000-000000000002", 1, Map.of())))
                .isInstanceOf(DeliveryResult.Acknowledged.class);
        assertThat(receiver.stats().connectionsTotal()).isEqualTo(1);
    }

    @Test
    void aRetryCarriesTheSameMsh10() {
        behaviour = Behaviour.REFUSE;
        assertThat(sender.deliver(request("req-42-abc", 1, Map.of()))).isInstanceOf(DeliveryResult.Transient.class);
        behaviour = Behaviour.OK;
        assertThat(sender.deliver(request("req-42-abc", 2, Map.of()))).isInstanceOf(DeliveryResult.Acknowledged.class);
        assertThat(seenControlIds).containsExactly("req42abc", "req42abc");
    }

    @Test
    void aeIsTransientOrPermanentAsTheRouteSays() {
        behaviour = Behaviour.REFUSE;
        assertThat(sender.deliver(request("r1", 1, Map.of()))).isInstanceOf(DeliveryResult.Transient.class);
        assertThat(sender.deliver(request("r2", 1, Map.of(MllpSender.ON_AE_HEADER, "DEAD_LETTER"))))
                .isInstanceOf(DeliveryResult.Permanent.class);
    }

    @Test
    void arIsPermanent() {
        behaviour = Behaviour.REJECT;
        assertThat(sender.deliver(request("r3", 1, Map.of()))).isInstanceOfSatisfying(DeliveryResult.Permanent.class,
                p -> assertThat(p.reason()).startsWith("AR"));
    }

    @Test
    void noAckInTimeIsTransient() {
        behaviour = Behaviour.HANG;
        MllpSender impatient = new MllpSender(Duration.ofSeconds(5), Duration.ofMillis(500), 2);
        assertThat(impatient.deliver(request("r4", 1, Map.of()))).isInstanceOfSatisfying(DeliveryResult.Transient.class,
                t -> assertThat(t.reason()).contains("no ACK"));
    }

    @Test
    void aClosedPortIsTransient() {
        int port = receiver.boundPort();
        receiver.close();
        DownstreamSystem gone = new DownstreamSystem("epr", "EPR", Optional.empty(), "dev", "MLLP", WireFormat.hl7v2("2.4"),
                "127.0.0.1:" + port, AuthPattern.NONE, Optional.empty(), Optional.empty());
        assertThat(sender.deliver(new OutboundRequest("r5", 1, gone, Payload.of(Fixtures.bytes("adt_a03_v24.hl7")), Map.of(),
                new AuthMaterial.None()))).isInstanceOf(DeliveryResult.Transient.class);
    }

    @Test
    void listenerCountersArePublishedOnTheMeterRegistry() {
        var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        try (ListenerMeters meters = new ListenerMeters(registry, "epr", receiver)) {
            sender.deliver(request("m1", 1, Map.of()));
            behaviour = Behaviour.REJECT;
            sender.deliver(request("m2", 1, Map.of()));
            assertThat(registry.get("holdfast.mllp.accepted").tag("listener", "epr").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("holdfast.mllp.rejected").tag("listener", "epr").functionCounter().count()).isEqualTo(1);
            assertThat(registry.get("holdfast.mllp.connections").gauge().value()).isEqualTo(1);
        }
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void controlIdReplacement() throws Exception {
        byte[] replaced = MllpSender.withControlId(Fixtures.bytes("adt_a03_v24.hl7"), "NEWID");
        assertThat(MshHeader.read(replaced).orElseThrow().controlId()).isEqualTo("NEWID");
        assertThat(MshHeader.read(replaced).orElseThrow().version()).isEqualTo("2.4");
        assertThat(MllpSender.controlIdFor("3f2a9c1e-0000-4000-8000-000000000001")).hasSize(20);
    }
}
