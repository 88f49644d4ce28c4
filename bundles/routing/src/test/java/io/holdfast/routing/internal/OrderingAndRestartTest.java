package io.holdfast.routing.internal;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ordered routes, crash and restart, back-pressure and admin skip. */
class OrderingAndRestartTest {
    @TempDir
    Path dir;

    static TestRouteConfig ordered(String... targets) {
        TestRouteConfig c = TestRouteConfig.to(targets);
        c.ordered = true;
        c.maxAttempts = 50;
        return c;
    }

    static OutboxRow row(RoutingFixture f, long journalId) {
        return f.outbox.byJournalId(journalId).get(0);
    }

    @Test
    void aFailingEventBlocksLaterEventsOfTheSamePatientButNotOthers() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", ordered("epr"))) {
            // The first event of patient P1 fails three times; everything else succeeds at once.
            f.transport.behave((req, n, body) -> body.contains("|First|") && n <= 3
                    ? new DeliveryResult.Transient("timeout", Optional.empty()) : ScriptedTransport.ACK.answer(req, n, body));
            IntakeReceipt p1a = f.accept("M1", "P1|V1|First");
            IntakeReceipt p1b = f.accept("M2", "P1|V2|Second");
            IntakeReceipt p1c = f.accept("M3", "P1|V3|Third");
            IntakeReceipt p2 = f.accept("M4", "P2|V9|Other");
            f.startDispatcher();
            await("P2 delivered while P1 is blocked", () -> row(f, p2.journalId()).state() == OutboxState.DONE);
            await("P1 drained", () -> row(f, p1c.journalId()).state() == OutboxState.DONE);
            List<String> p1Effects = f.transport.effects().stream().filter(e -> !e.contains("|Other|")).toList();
            assertThat(p1Effects).hasSize(3);
            assertThat(p1Effects.get(0)).contains("|First|");
            assertThat(p1Effects.get(1)).contains("|Second|");
            assertThat(p1Effects.get(2)).contains("|Third|");
            // Nothing of P1 was even attempted out of order.
            List<String> p1Calls = f.transport.calls().stream().map(ScriptedTransport.Call::body).filter(b -> !b.contains("|Other|")).toList();
            assertThat(p1Calls.subList(0, 4)).allSatisfy(b -> assertThat(b).contains("|First|"));
            assertThat(row(f, p1a.journalId()).attempts()).isEqualTo(4);
            assertThat(row(f, p1b.journalId()).attempts()).isEqualTo(1);
        }
    }

    @Test
    void anAdminSkipUnblocksAnOrderedRouteAndIsJournaledWithTheUser() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", ordered("epr"))) {
            f.transport.behave((req, n, body) -> body.contains("|Stuck|")
                    ? new DeliveryResult.Transient("HTTP 503", Optional.empty()) : ScriptedTransport.ACK.answer(req, n, body));
            IntakeReceipt stuck = f.accept("M1", "P1|V1|Stuck");
            IntakeReceipt next = f.accept("M2", "P1|V2|Next");
            f.startDispatcher();
            await("a few failed attempts", () -> row(f, stuck.journalId()).attempts() >= 2);
            assertThat(row(f, next.journalId()).attempts()).isZero();
            long id = row(f, stuck.journalId()).id();
            await("skipped", () -> {
                try {
                    f.admin.skip(id, "carol");
                    return true;
                } catch (RuntimeException leasedJustNow) {
                    return false;
                }
            });
            await("next delivered", () -> row(f, next.journalId()).state() == OutboxState.DONE);
            assertThat(row(f, stuck.journalId()).state()).isEqualTo(OutboxState.DEAD_LETTER);
            assertThat(f.outbox.deadLetters(Optional.empty(), false, 10)).singleElement()
                    .satisfies(d -> assertThat(d.reason()).startsWith("skipped by carol"));
            List<StageEntry> stages = f.journal.find(stuck.journalId()).orElseThrow().stages();
            assertThat(stages).anySatisfy(s -> {
                assertThat(s.stage()).isEqualTo(Stage.DEAD_LETTER);
                assertThat(s.detail()).contains("skipped by carol");
            });
        }
    }

    @Test
    void rowsLeasedAtACrashAreRetriedAfterRestartAndTheDownstreamSeesOneEffect() throws Exception {
        ScriptedTransport downstream;
        String requestId;
        long journalId;
        CountDownLatch inFlight = new CountDownLatch(1);
        RoutingFixture before = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"));
        downstream = before.transport;
        // The downstream applies the request, then the connection hangs: Holdfast never learns the outcome.
        downstream.behave((req, n, body) -> {
            downstream.apply(req.requestId(), body);
            inFlight.countDown();
            Thread.sleep(60_000);
            return ScriptedTransport.ACK.answer(req, n, body);
        });
        IntakeReceipt r = before.accept("M1", "P1|V1|Smith");
        journalId = r.journalId();
        requestId = row(before, journalId).requestId();
        before.startDispatcher();
        inFlight.await();
        assertThat(row(before, journalId).state()).isEqualTo(OutboxState.LEASED);
        before.crash();

        try (RoutingFixture after = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            assertThat(row(after, journalId).state()).isEqualTo(OutboxState.LEASED);
            // Same downstream, now answering normally.
            downstream.behave(ScriptedTransport.ACK);
            after.services.addTransport(downstream, java.util.Map.of());
            after.startDispatcher();
            await("retried after restart", () -> row(after, journalId).state() == OutboxState.DONE);
            assertThat(downstream.calls()).extracting(ScriptedTransport.Call::requestId).containsExactly(requestId, requestId);
            assertThat(downstream.calls()).extracting(ScriptedTransport.Call::attempt).containsExactly(1, 2);
            assertThat(downstream.effects()).hasSize(1);
            assertThat(after.journal.find(journalId).orElseThrow().stages()).extracting(StageEntry::stage)
                    .endsWith(Stage.ROUTED, Stage.SENT, Stage.ACKED);
            assertThat(after.journal.verify().intact()).isTrue();
        }
    }

    @Test
    void aFullOutboxRefusesNewInputWithBackPressureAndShowsItInStatus() throws Exception {
        TestRouteConfig limited = TestRouteConfig.to("epr");
        limited.outboxDepthLimit = 3;
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", limited)) {
            f.accept("M1", "P1|V1|A");
            f.accept("M2", "P2|V2|B");
            f.accept("M3", "P3|V3|C");
            assertThatThrownBy(() -> f.accept("M4", "P4|V4|D")).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IntakeRefusedException.class)
                    .satisfies(e -> assertThat(((IntakeRefusedException) e).reason()).isEqualTo(IntakeRefusedException.Reason.BACK_PRESSURE))
                    .hasMessageContaining("outbox for epr holds 3 rows (limit 3)");
            assertThat(f.journal.byMessageId("M4")).isEmpty();
            assertThat(f.health.components()).anySatisfy(h -> {
                assertThat(h.component()).isEqualTo("routing:epr");
                assertThat(h.state()).isEqualTo(HealthState.DEGRADED);
                assertThat(h.detail()).contains("limit 3");
            });
            // Events routed elsewhere are not refused.
            f.route("gp-only", gpOnly());
            f.startDispatcher();
            await("drained", () -> f.monitor.depth("epr") == 0);
            IntakeReceipt later = f.accept("M4", "P4|V4|D");
            assertThat(later.events().get(0).routedTo()).containsExactly("epr", "gp");
        }
    }

    static TestRouteConfig gpOnly() {
        TestRouteConfig c = TestRouteConfig.to("gp");
        c.eventTypes = new String[] {"Admission"};
        return c;
    }
}
