package io.holdfast.routing.internal;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rows handed from Intake's batch straight to the running dispatcher (written LEASED, no claim
 * transaction): what is written, ordering, capacity, and a crash before the outcome is recorded.
 */
class HandoffTest {
    @TempDir
    Path dir;

    static OutboxRow row(RoutingFixture f, long journalId) {
        return f.outbox.byJournalId(journalId).get(0);
    }

    @Test
    void aRowAcceptedWhileTheDispatcherRunsIsCommittedLeasedToItAsAttemptOne() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            CountDownLatch hold = new CountDownLatch(1);
            CountDownLatch called = new CountDownLatch(1);
            f.transport.behave((req, n, body) -> {
                called.countDown();
                hold.await(30, TimeUnit.SECONDS);
                return ScriptedTransport.ACK.answer(req, n, body);
            });
            f.startDispatcher();
            IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
            assertThat(called.await(10, TimeUnit.SECONDS)).as("delivered without a poll").isTrue();
            OutboxRow leased = row(f, r.journalId());
            assertThat(leased.state()).isEqualTo(OutboxState.LEASED);
            assertThat(leased.leaseOwner()).contains(f.dispatcher.owner());
            assertThat(leased.attempts()).isEqualTo(1);
            assertThat(f.dispatcher.handedOver()).isEqualTo(1);
            assertThat(f.dispatcher.claimed()).isZero();
            hold.countDown();
            await("done", () -> row(f, r.journalId()).state() == OutboxState.DONE);
            assertThat(f.transport.calls()).extracting(ScriptedTransport.Call::attempt).containsExactly(1);
            assertThat(f.journal.find(r.journalId()).orElseThrow().stages()).extracting(StageEntry::stage)
                    .endsWith(Stage.ROUTED, Stage.SENT, Stage.ACKED);
        }
    }

    @Test
    void anOrderedRowBehindAnOpenRowOfTheSamePatientWaitsForIt() throws Exception {
        TestRouteConfig ordered = TestRouteConfig.to("epr");
        ordered.ordered = true;
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", ordered)) {
            CountDownLatch hold = new CountDownLatch(1);
            f.transport.behave((req, n, body) -> {
                if (body.contains("|First|")) {
                    hold.await(30, TimeUnit.SECONDS);
                }
                return ScriptedTransport.ACK.answer(req, n, body);
            });
            f.startDispatcher();
            IntakeReceipt first = f.accept("M1", "P1|V1|First");
            // Two more for P1 in one batch, one for P2: only P2 may go past the blocked first event.
            CompletableFuture<IntakeReceipt> second = f.acceptAsync("M2", "P1|V2|Second");
            CompletableFuture<IntakeReceipt> third = f.acceptAsync("M3", "P1|V3|Third");
            IntakeReceipt other = f.accept("M4", "P2|V9|Other");
            long secondId = second.get(10, TimeUnit.SECONDS).journalId();
            long thirdId = third.get(10, TimeUnit.SECONDS).journalId();
            await("P2 delivered past P1", () -> row(f, other.journalId()).state() == OutboxState.DONE);
            assertThat(row(f, secondId).state()).isEqualTo(OutboxState.PENDING);
            assertThat(row(f, thirdId).state()).isEqualTo(OutboxState.PENDING);
            assertThat(row(f, secondId).attempts()).isZero();
            assertThat(f.dispatcher.handedOver()).as("First and Other only").isEqualTo(2);
            hold.countDown();
            await("P1 drained", () -> row(f, thirdId).state() == OutboxState.DONE);
            List<String> p1 = f.transport.effects().stream().filter(e -> !e.contains("|Other|")).toList();
            assertThat(p1).hasSize(3);
            assertThat(p1.get(0)).contains("|First|");
            assertThat(p1.get(1)).contains("|Second|");
            assertThat(p1.get(2)).contains("|Third|");
        }
    }

    @Test
    void aRowOfAPatientWhoseDeadLetterIsReplayedInTheSameBatchWaitsForIt() throws Exception {
        TestRouteConfig ordered = TestRouteConfig.to("epr");
        ordered.ordered = true;
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", ordered)) {
            f.transport.behave((req, n, body) -> body.contains("|First|") && n == 1
                    ? new DeliveryResult.Permanent("AR: unknown ward", Optional.empty()) : ScriptedTransport.ACK.answer(req, n, body));
            f.startDispatcher();
            IntakeReceipt first = f.accept("M1", "P1|V1|First");
            await("dead-lettered", () -> row(f, first.journalId()).state() == OutboxState.DEAD_LETTER);
            OutboxRow dead = row(f, first.journalId());
            // One batch: the admin's replay and a new event of the same patient (as if they met in the writer's queue).
            byte[] bytes = LineCodec.lines("P1|V2|Second");
            io.holdfast.api.message.Envelope env = io.holdfast.api.message.Envelope.of("M2", "pas", "mllp:adt-feed", LineCodec.FORMAT);
            io.holdfast.api.event.ClinicalEvent second = ((io.holdfast.api.message.DecodeResult.Decoded) new LineCodec()
                    .decode(bytes, env, new io.holdfast.api.message.FieldTrail())).events().get(0);
            long secondId = f.journal.submit(batch -> {
                // Intake's task first, then the admin's, as the writer may take them.
                long id = batch.addMessage(env, Optional.empty());
                f.participant.accepted(batch, id, env, second, io.holdfast.api.kernel.ClaimOutcome.NEW,
                        List.of(new io.holdfast.api.kernel.Router.Target("adt", "epr", true)));
                io.holdfast.routing.internal.outbox.OutboxChanges.in(batch, f.outbox).replay(dead, System.currentTimeMillis(), "alice");
                return id;
            }).get(10, TimeUnit.SECONDS);
            assertThat(row(f, secondId).state()).as("not handed over past the replayed row").isEqualTo(OutboxState.PENDING);
            await("both delivered", () -> row(f, secondId).state() == OutboxState.DONE);
            List<String> effects = f.transport.effects();
            assertThat(effects).hasSize(2);
            assertThat(effects.get(0)).contains("|First|");
            assertThat(effects.get(1)).contains("|Second|");
        }
    }

    @Test
    void aDeadLetterFromAnEarlierRunThatIsReplayedBlocksLaterRowsOfItsPatient() throws Exception {
        TestRouteConfig ordered = TestRouteConfig.to("epr");
        ordered.ordered = true;
        long firstId;
        try (RoutingFixture before = new RoutingFixture(dir).route("adt", ordered)) {
            before.transport.behave((req, n, body) -> new DeliveryResult.Permanent("AR: unknown ward", Optional.empty()));
            before.startDispatcher();
            firstId = before.accept("M1", "P1|V1|First").journalId();
            await("dead-lettered", () -> row(before, firstId).state() == OutboxState.DEAD_LETTER);
        }
        // A new start knows no open row of P1; the replay must teach it that P1 has one again.
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", ordered)) {
            CountDownLatch hold = new CountDownLatch(1);
            CountDownLatch firstCalled = new CountDownLatch(1);
            f.transport.behave((req, n, body) -> {
                if (body.contains("|First|")) {
                    firstCalled.countDown();
                    hold.await(30, TimeUnit.SECONDS);
                }
                return ScriptedTransport.ACK.answer(req, n, body);
            });
            f.startDispatcher();
            f.admin.replay(row(f, firstId).id(), "alice");
            assertThat(firstCalled.await(10, TimeUnit.SECONDS)).isTrue();
            IntakeReceipt second = f.accept("M2", "P1|V2|Second");
            assertThat(row(f, second.journalId()).state()).as("waits behind the replayed row").isEqualTo(OutboxState.PENDING);
            hold.countDown();
            await("second delivered", () -> row(f, second.journalId()).state() == OutboxState.DONE);
            assertThat(f.transport.effects().get(0)).contains("|First|");
            assertThat(f.transport.effects().get(1)).contains("|Second|");
        }
    }

    @Test
    void beyondTheDispatchersCapacityRowsAreWrittenPendingAndClaimedLater() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            CountDownLatch hold = new CountDownLatch(1);
            f.transport.behave((req, n, body) -> {
                hold.await(30, TimeUnit.SECONDS);
                return ScriptedTransport.ACK.answer(req, n, body);
            });
            int capacity = RoutingFixture.DISPATCHER_BATCH;
            f.startDispatcher();
            List<CompletableFuture<IntakeReceipt>> sent = new java.util.ArrayList<>();
            for (int i = 0; i < capacity + 10; i++) {
                sent.add(f.acceptAsync("M" + i, "P" + i + "|V" + i + "|Family"));
            }
            long leased = 0;
            long pending = 0;
            for (CompletableFuture<IntakeReceipt> s : sent) {
                OutboxState state = row(f, s.get(10, TimeUnit.SECONDS).journalId()).state();
                leased += state == OutboxState.LEASED ? 1 : 0;
                pending += state == OutboxState.PENDING ? 1 : 0;
            }
            assertThat(leased).isEqualTo(capacity);
            assertThat(pending).isEqualTo(10);
            assertThat(f.dispatcher.handedOver()).isEqualTo(capacity);
            hold.countDown();
            await("all delivered", () -> f.outbox.openDepths().getOrDefault("epr", 0L) == 0);
            assertThat(f.transport.effects()).hasSize(capacity + 10);
            assertThat(f.transport.calls()).hasSize(capacity + 10);
            assertThat(f.dispatcher.claimed()).isEqualTo(10);
        }
    }

    @Test
    void aRowHandedOverBeforeACrashIsRetriedOnceAfterRestartWithItsAttemptCounted() throws Exception {
        CountDownLatch applied = new CountDownLatch(1);
        RoutingFixture before = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"));
        ScriptedTransport downstream = before.transport;
        // The downstream applies the request, then the connection hangs: Holdfast never learns the outcome.
        downstream.behave((req, n, body) -> {
            downstream.apply(req.requestId(), body);
            applied.countDown();
            Thread.sleep(60_000);
            return ScriptedTransport.ACK.answer(req, n, body);
        });
        before.startDispatcher();
        IntakeReceipt r = before.accept("M1", "P1|V1|Smith");
        assertThat(applied.await(10, TimeUnit.SECONDS)).isTrue();
        before.crash();

        try (RoutingFixture after = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            assertThat(row(after, r.journalId()).state()).isEqualTo(OutboxState.LEASED);
            downstream.behave(ScriptedTransport.ACK);
            after.services.addTransport(downstream, Map.of());
            after.startDispatcher();
            await("retried after restart", () -> row(after, r.journalId()).state() == OutboxState.DONE);
            assertThat(downstream.calls()).extracting(ScriptedTransport.Call::attempt).containsExactly(1, 2);
            assertThat(downstream.calls()).extracting(ScriptedTransport.Call::requestId).containsOnly(row(after, r.journalId()).requestId());
            assertThat(downstream.effects()).hasSize(1);
            assertThat(after.journal.verify().intact()).isTrue();
        }
    }

    @Test
    void aStoppedDispatcherTakesNoMoreRowsAndTheyWaitPendingForTheNextOne() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            f.transport.behave(ScriptedTransport.ACK);
            f.startDispatcher();
            f.dispatcher.close();
            f.dispatcher = null;
            IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
            assertThat(row(f, r.journalId()).state()).isEqualTo(OutboxState.PENDING);
            assertThat(row(f, r.journalId()).leaseOwner()).isEmpty();
            f.startDispatcher();
            await("delivered by the new dispatcher", () -> row(f, r.journalId()).state() == OutboxState.DONE);
            assertThat(f.transport.calls()).hasSize(1);
        }
    }

    @Test
    void aTransientFailureOfAHandedOverRowIsRetriedThroughThePoller() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            f.transport.behave((req, n, body) -> n == 1 ? new DeliveryResult.Transient("HTTP 503", Optional.empty())
                    : ScriptedTransport.ACK.answer(req, n, body));
            f.startDispatcher();
            IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
            await("done", () -> row(f, r.journalId()).state() == OutboxState.DONE);
            assertThat(f.transport.calls()).extracting(ScriptedTransport.Call::attempt).containsExactly(1, 2);
            assertThat(row(f, r.journalId()).attempts()).isEqualTo(2);
        }
    }
}
