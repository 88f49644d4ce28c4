package io.holdfast.eps.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.event.Order;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.eps.PrescriptionIds;
import io.holdfast.eps.internal.StubEps;
import io.holdfast.eps.internal.codec.EpsBundleReader;
import io.holdfast.eps.internal.codec.EpsCodec;
import io.holdfast.eps.internal.codec.Json;
import io.holdfast.eps.internal.config.EpsSettings;
import io.holdfast.eps.internal.transport.EpsHttp;
import io.holdfast.hl7v2.Hl7v2Codec;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestRoute;
import io.holdfast.testkit.journal.JournalTrace;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Trust's EPMA sends an HL7 v2 RDE^O11 (decoded by holdfast-lib-hl7v2 into a pharmacy Order); routed to an EPS target
 * (format EPS:R4) it becomes a prescription-order whose prescription id comes from the order's placer number, so the
 * same RDE re-sent is a duplicate at intake and never a second prescription.
 */
class RdeToEpsTest {
    @TempDir
    Path dir;

    @Test
    void anRdeBecomesOnePrescriptionOrderWithAnIdDerivedFromItsPlacerNumber() throws Exception {
        byte[] rde;
        try (InputStream in = getClass().getResourceAsStream("/rde_o11_v24.hl7")) {
            rde = in.readAllBytes();
        }
        Hl7v2Codec hl7 = new Hl7v2Codec();
        AtomicReference<TestKernel> late = new AtomicReference<>();
        io.holdfast.api.kernel.Journal journal = (io.holdfast.api.kernel.Journal) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {io.holdfast.api.kernel.Journal.class}, (p, m, a) -> m.invoke(late.get().journal(), a));
        io.holdfast.api.kernel.Alerts alerts = (io.holdfast.api.kernel.Alerts) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {io.holdfast.api.kernel.Alerts.class}, (p, m, a) -> m.invoke(late.get().alerts(), a));
        try (StubEps stub = new StubEps();
             TestKernel k = TestKernel.builder(dir).codec(hl7).codec(new EpsCodec(() -> Optional.of("RXX01")))
                     .transport(new EpsTransport(new EpsHttp(EpsSettings.defaults("eps")), journal, alerts, r -> { }))
                     .system(new DownstreamSystem("eps", "EPS", Optional.empty(), "test", EpsTransport.TRANSPORT, EpsCodec.FORMAT, stub.baseUrl(),
                             AuthPattern.NONE, Optional.empty(), Optional.empty()))
                     .route(TestRoute.named("epma-to-eps").sources("epma").eventTypes(Order.TYPE).to("eps").retry(5, 20, 100)).start()) {
            late.set(k);
            Order order = accept(k, hl7, "RDE-1", rde);
            JournalTrace.awaitStage(k.journal(), "RDE-1", Stage.ACKED, Duration.ofSeconds(30));
            accept(k, hl7, "RDE-1-RESENT", rde);
            JournalTrace.awaitStage(k.journal(), "RDE-1-RESENT", Stage.TRANSFORMED, Duration.ofSeconds(30));

            String expected = PrescriptionIds.derive(order.key().token(), "RXX01").value();
            assertThat(stub.stored).containsOnlyKeys(expected);
            assertThat(stub.seen).hasSize(1);
            JsonNode sent = Json.MAPPER.readTree(k.journal().openPayload(JournalTrace.of(k.journal(), "RDE-1").entry().stages().stream()
                    .filter(s -> s.stage() == Stage.SENT).findFirst().orElseThrow().payload().orElseThrow()).readAllBytes());
            assertThat(EpsBundleReader.eventCode(sent)).isEqualTo("prescription-order");
            assertThat(EpsBundleReader.prescriptionId(sent).value()).isEqualTo(expected);
            assertThat(k.outbox("eps")).hasSize(1);

            // holdfast:eps-status finds the order by the derived id, though the journal keys it by its placer number
            java.util.List<io.holdfast.eps.internal.command.EpsLineage.Step> steps = new io.holdfast.eps.internal.command.EpsLineage(k.journal())
                    .of(new io.holdfast.api.event.PrescriptionId(expected), "eps");
            assertThat(steps).extracting(io.holdfast.eps.internal.command.EpsLineage.Step::stage).contains("RECEIVED", "SENT", "ACKED");
            assertThat(steps).extracting(io.holdfast.eps.internal.command.EpsLineage.Step::messageId).containsOnly("RDE-1");
        }
    }

    private static Order accept(TestKernel k, Hl7v2Codec hl7, String messageId, byte[] rde) throws Exception {
        Envelope env = Envelope.of(messageId, "epma", "mllp:epma", WireFormat.hl7v2("2.4"));
        FieldTrail trail = new FieldTrail();
        DecodeResult decoded = hl7.decode(rde, env, trail);
        k.intake().accept(env, Payload.of(rde), decoded, trail).toCompletableFuture().get();
        return (Order) ((DecodeResult.Decoded) decoded).events().get(0);
    }
}
