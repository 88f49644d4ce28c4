package io.holdfast.mllp.internal.transport;

import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.T;
import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.ack;
import static io.holdfast.mllp.internal.transport.MllpListenerComponentTest.msg;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.Router;
import io.holdfast.idempotency.internal.IdempotencyCore;
import io.holdfast.intake.internal.IntakeCore;
import io.holdfast.intake.internal.RouteRequirement;
import io.holdfast.intake.spi.IntakeParticipant;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.journal.internal.JournalFixture;
import io.holdfast.journal.internal.TestKeys;
import io.holdfast.mllp.internal.config.ListenerSettings;
import io.holdfast.mllp.protocol.AckCode;
import io.holdfast.mllp.protocol.AckMessage;
import io.holdfast.mllp.protocol.MllpClient;
import io.holdfast.store.internal.JdbcStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
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
    JournalCore journal;
    IntakeCore intake;
    MllpListener listener;
    final AtomicReference<Router> router = new AtomicReference<>();
    final List<IntakeParticipant> participants = new CopyOnWriteArrayList<>();
    final List<String> scheduled = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        JdbcStore store = new JdbcStore(JournalFixture.derby(dir), "test");
        journal = new JournalCore(store, new TestKeys(), dir, JournalFixture.config(256));
        intake = new IntakeCore(journal, new IdempotencyCore(store, journal), () -> Optional.ofNullable(router.get()),
                () -> List.copyOf(participants), RouteRequirement.ROUTE);
        listener = new MllpListener(ListenerSettings.loopback("adt-feed", 0), intake);
        listener.start();
    }

    @AfterEach
    void stop() {
        listener.close();
        intake.close();
        journal.close();
    }

    /** Stands in for routing's outbox: records which targets each accepted event was scheduled for. */
    void routingRunning(List<Router.Target> targets) {
        router.set((env, event) -> targets);
        participants.clear();
        participants.add((batch, journalId, env, event, claim, chosen) -> chosen.forEach(t -> scheduled.add(env.messageId() + "->" + t.systemId())));
    }

    @Test
    void withoutRoutingTheSenderGetsAeAndNothingIsStored() throws Exception {
        try (MllpClient c = MllpClient.connect("127.0.0.1", listener.boundPort(), T)) {
            AckMessage a = ack(c.exchange(msg("adt_a02_v24.hl7", "R1"), T));
            assertThat(a.code()).isEqualTo(AckCode.AE);
            assertThat(a.text()).contains("ROUTING_UNAVAILABLE");
            assertThat(journal.byMessageId("R1")).isEmpty();
            routingRunning(List.of(new Router.Target("adt-to-epr", "epr", true)));
            assertThat(ack(c.exchange(msg("adt_a02_v24.hl7", "R1"), T)).code()).isEqualTo(AckCode.AA);
            assertThat(scheduled).containsExactly("R1->epr");
        }
    }

    @Test
    void whenNoRouteMatchesTheSenderGetsAeUntilOneDoes() throws Exception {
        routingRunning(List.of());
        try (MllpClient c = MllpClient.connect("127.0.0.1", listener.boundPort(), T)) {
            AckMessage a = ack(c.exchange(msg("adt_a01_v24.hl7", "N1"), T));
            assertThat(a.code()).isEqualTo(AckCode.CE); // enhanced mode fixture: CE is its AE
            assertThat(a.text()).contains("NO_ROUTE");
            assertThat(journal.byMessageId("N1")).isEmpty();
            assertThat(listener.stats().refused()).isEqualTo(1);
            assertThat(listener.stats().accepted()).isZero();
            routingRunning(List.of(new Router.Target("adt-to-epr", "epr", true)));
            assertThat(ack(c.exchange(msg("adt_a01_v24.hl7", "N1"), T)).code()).isEqualTo(AckCode.CA);
            assertThat(journal.byMessageId("N1")).hasSize(1);
            assertThat(scheduled).containsExactly("N1->epr");
        }
    }
}
