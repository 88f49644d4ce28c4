package io.holdfast.mllp.internal.transport;

import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.T;
import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.ack;
import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.msg;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.hl7v2.AckCode;
import io.holdfast.hl7v2.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestRoute;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 point 3, "ACK means routed", with the real Intake in require-route mode (the production
 * default): while routing is absent, or when no route matches, the listener answers AE, nothing is
 * journaled or acknowledged, and the sender's resend is accepted once a route exists.
 */
class MllpAckMeansRoutedTest {
    @TempDir
    Path dir;
    TestKernel kernel;
    MllpListener listener;

    @BeforeEach
    void start() throws Exception {
        kernel = TestKernel.builder(dir).system("epr", Transports.MLLP, WireFormat.hl7v2("2.4")).noDispatcher().start();
        listener = new MllpListener(ListenerSettings.loopback("adt-feed", 0), kernel.intake());
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.close();
        kernel.close();
    }

    /** The targets Intake scheduled, as outbox rows: {@code <message id>-><target>}. */
    List<String> scheduled() {
        return kernel.outbox().stream()
                .map(row -> kernel.journal().find(row.journalId()).orElseThrow().messageId() + "->" + row.target())
                .toList();
    }

    @Test
    void withoutRoutingTheSenderGetsAeAndNothingIsStored() throws Exception {
        kernel.stopRouting();
        try (MllpClient c = MllpClient.connect("127.0.0.1", listener.boundPort(), T)) {
            AckMessage a = ack(c.exchange(msg("adt_a02_v24.hl7", "R1"), T));
            assertThat(a.code()).isEqualTo(AckCode.AE);
            assertThat(a.text()).contains("ROUTING_UNAVAILABLE");
            assertThat(kernel.journal().byMessageId("R1")).isEmpty();
            kernel.addRoute(TestRoute.named("adt-to-epr").to("epr").ordered(true));
            kernel.startRouting();
            assertThat(ack(c.exchange(msg("adt_a02_v24.hl7", "R1"), T)).code()).isEqualTo(AckCode.AA);
            assertThat(scheduled()).containsExactly("R1->epr");
        }
    }

    @Test
    void whenNoRouteMatchesTheSenderGetsAeUntilOneDoes() throws Exception {
        try (MllpClient c = MllpClient.connect("127.0.0.1", listener.boundPort(), T)) {
            AckMessage a = ack(c.exchange(msg("adt_a01_v24.hl7", "N1"), T));
            assertThat(a.code()).isEqualTo(AckCode.CE); // enhanced mode fixture: CE is its AE
            assertThat(a.text()).contains("NO_ROUTE");
            assertThat(kernel.journal().byMessageId("N1")).isEmpty();
            assertThat(listener.stats().refused()).isEqualTo(1);
            assertThat(listener.stats().accepted()).isZero();
            kernel.addRoute(TestRoute.named("adt-to-epr").to("epr").ordered(true));
            assertThat(ack(c.exchange(msg("adt_a01_v24.hl7", "N1"), T)).code()).isEqualTo(AckCode.CA);
            assertThat(kernel.journal().byMessageId("N1")).hasSize(1);
            assertThat(scheduled()).containsExactly("N1->epr");
        }
    }
}
