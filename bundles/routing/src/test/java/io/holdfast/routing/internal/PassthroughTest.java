package io.holdfast.routing.internal;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.intake.internal.RouteRequirement;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Messages no codec maps: kept, and sent on raw only where a route asks for passthrough. */
class PassthroughTest {
    private static final byte[] QRY = "MSH|^~\\&|PAS|RXX|EPR|RXX|20261126||QRY^A19|Q1|P|2.4\rQRD|x\r"
            .getBytes(StandardCharsets.ISO_8859_1);

    @TempDir
    Path dir;

    static TestRouteConfig passthrough(String... targets) {
        TestRouteConfig c = TestRouteConfig.to(targets);
        c.passthrough = true;
        return c;
    }

    @Test
    void anUnmappedMessageIsSentOnRawToPassthroughTargetsOnly() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("events", TestRouteConfig.to("epr")).route("raw", passthrough("gp"))) {
            f.startDispatcher();
            IntakeReceipt r = f.acceptUnmapped("Q1", "pas", QRY, "QRY^A19").get(10, TimeUnit.SECONDS);
            List<OutboxRow> rows = f.outbox.byJournalId(r.journalId());
            assertThat(rows).extracting(OutboxRow::target).containsExactly("gp");
            assertThat(rows.get(0).raw()).isTrue();
            await("delivered", () -> f.outbox.byJournalId(r.journalId()).get(0).state() == OutboxState.DONE);
            assertThat(f.transport.calls()).singleElement().satisfies(c -> {
                assertThat(c.target()).isEqualTo("gp");
                assertThat(c.body()).isEqualTo(new String(QRY, StandardCharsets.UTF_8));
            });
            assertThat(f.journal.find(r.journalId()).orElseThrow().stages()).extracting(StageEntry::stage)
                    .containsExactly(Stage.RECEIVED, Stage.TRANSFORMED, Stage.ROUTED, Stage.SENT, Stage.ACKED);
            assertThat(f.journal.verify().intact()).isTrue();
        }
    }

    @Test
    void aLargeUnmappedMessageIsStreamedFromTheJournalNotReadIntoHeap() throws Exception {
        byte[] big = new byte[3 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('A' + i % 26);
        }
        try (RoutingFixture f = new RoutingFixture(dir).route("raw", passthrough("gp"))) {
            java.util.List<io.holdfast.api.message.Payload> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
            f.transport.behave((req, n, body) -> {
                bodies.add(req.body());
                return ScriptedTransport.ACK.answer(req, n, body);
            });
            f.startDispatcher();
            IntakeReceipt r = f.acceptUnmapped("F1", "pas", big, "FILE").get(10, TimeUnit.SECONDS);
            await("delivered", () -> f.outbox.byJournalId(r.journalId()).get(0).state() == OutboxState.DONE);
            assertThat(bodies).singleElement().isInstanceOf(io.holdfast.api.message.Payload.Streamed.class);
            assertThat(f.transport.calls()).singleElement().satisfies(c -> assertThat(c.body()).isEqualTo(new String(big,
                    StandardCharsets.UTF_8)));
            assertThat(f.journal.verify().intact()).isTrue();
        }
    }

    @Test
    void withoutAPassthroughRouteAnUnmappedMessageIsRefusedInRequireRouteMode() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("events", TestRouteConfig.to("epr"))) {
            f.startDispatcher();
            assertThatThrownBy(() -> f.acceptUnmapped("Q1", "pas", QRY, "QRY^A19").get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IntakeRefusedException.class).hasMessageContaining("NO_ROUTE");
            assertThat(f.journal.byMessageId("Q1")).isEmpty();
        }
    }

    @Test
    void withoutAPassthroughRouteAnUnmappedMessageIsKeptAndNotRoutedInRequireRoutingMode() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("events", TestRouteConfig.to("epr"))) {
            f.intake.requirement(RouteRequirement.ROUTING);
            f.startDispatcher();
            IntakeReceipt r = f.acceptUnmapped("Q1", "pas", QRY, "QRY^A19").get(10, TimeUnit.SECONDS);
            assertThat(f.outbox.byJournalId(r.journalId())).isEmpty();
            assertThat(f.journal.find(r.journalId()).orElseThrow().stages()).extracting(StageEntry::stage)
                    .containsExactly(Stage.RECEIVED, Stage.TRANSFORMED);
        }
    }

    @Test
    void aPassthroughRouteForAnotherSourceDoesNotTakeIt() throws Exception {
        TestRouteConfig lab = passthrough("gp");
        lab.sources = new String[] {"lab"};
        try (RoutingFixture f = new RoutingFixture(dir).route("raw", lab)) {
            assertThatThrownBy(() -> f.acceptUnmapped("Q1", "pas", QRY, "QRY^A19").get(10, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(IntakeRefusedException.class).hasMessageContaining("NO_ROUTE");
            f.intake.requirement(RouteRequirement.ROUTING);
            IntakeReceipt r = f.acceptUnmapped("Q1", "pas", QRY, "QRY^A19").get(10, TimeUnit.SECONDS);
            assertThat(f.outbox.byJournalId(r.journalId())).isEmpty();
        }
    }

    @Test
    void aResendCarriesTheSameRequestIdSoTheDownstreamAppliesItOnce() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("raw", passthrough("gp"))) {
            f.startDispatcher();
            IntakeReceipt first = f.acceptUnmapped("Q1", "pas", QRY, "QRY^A19").get(10, TimeUnit.SECONDS);
            IntakeReceipt again = f.acceptUnmapped("Q1", "pas", QRY, "QRY^A19").get(10, TimeUnit.SECONDS);
            await("both delivered", () -> f.outbox.byJournalId(again.journalId()).get(0).state() == OutboxState.DONE
                    && f.outbox.byJournalId(first.journalId()).get(0).state() == OutboxState.DONE);
            assertThat(f.outbox.byJournalId(again.journalId()).get(0).requestId())
                    .isEqualTo(f.outbox.byJournalId(first.journalId()).get(0).requestId());
            assertThat(f.transport.effects()).hasSize(1);
        }
    }

    @Test
    void aFullPassthroughTargetRefusesTheMessageBeforeAnythingIsStored() throws Exception {
        TestRouteConfig small = passthrough("gp");
        small.outboxDepthLimit = 1;
        try (RoutingFixture f = new RoutingFixture(dir).route("raw", small)) {
            f.acceptUnmapped("Q1", "pas", QRY, "QRY^A19").get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> f.acceptUnmapped("Q2", "pas", "MSH|x\r".getBytes(StandardCharsets.US_ASCII), "QRY^A19")
                    .get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IntakeRefusedException.class);
            assertThat(f.journal.byMessageId("Q2")).isEmpty();
        }
    }
}
