package io.holdfast.routing.internal;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.routing.internal.dispatch.ServiceDirectory;
import io.holdfast.routing.internal.outbox.OutboxRow;
import io.holdfast.routing.internal.outbox.OutboxState;
import io.holdfast.routing.internal.outbox.RecentEvents;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Component tests of the outbox and dispatcher on real Derby, journal, idempotency and Intake. */
class DeliveryTest {
    @TempDir
    Path dir;
    RoutingFixture f;

    @BeforeEach
    void open() {
        f = new RoutingFixture(dir).route("adt-to-epr", TestRouteConfig.to("epr"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    List<Stage> stages(long journalId) {
        return f.journal.find(journalId).orElseThrow().stages().stream().map(StageEntry::stage).toList();
    }

    OutboxRow only(long journalId) {
        return f.outbox.byJournalId(journalId).get(0);
    }

    @Test
    void anAcceptedEventIsScheduledWithTheJournalAndDeliveredWithTheRequestId() throws Exception {
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        OutboxRow row = only(r.journalId());
        assertThat(row.state()).isEqualTo(OutboxState.PENDING);
        assertThat(row.requestId()).matches("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        f.startDispatcher();
        await("delivery", () -> only(r.journalId()).state() == OutboxState.DONE);
        assertThat(f.transport.calls()).singleElement().satisfies(c -> {
            assertThat(c.requestId()).isEqualTo(row.requestId());
            assertThat(c.headers()).containsEntry("X-Request-ID", row.requestId())
                    .containsEntry("X-Correlation-ID", "journal-" + row.journalId());
            assertThat(c.body()).startsWith("ENC|Admission|Smith|");
            assertThat(c.attempt()).isEqualTo(1);
        });
        assertThat(stages(r.journalId())).containsExactly(Stage.RECEIVED, Stage.TRANSFORMED, Stage.ROUTED, Stage.SENT, Stage.ACKED);
        StageEntry sent = f.journal.find(r.journalId()).orElseThrow().stages().get(3);
        assertThat(sent.credential()).contains("none@v0");
        assertThat(sent.systemId()).isEqualTo("epr");
        assertThat(sent.payload()).isPresent();
        assertThat(f.journal.inFlight(10)).isEmpty();
        assertThat(f.journal.verify().intact()).isTrue();
    }

    @Test
    void anOpaqueTargetGetsTheJournaledBytesAsReceivedWithoutACodec() throws Exception {
        // e.g. a MESH file (FileTransfer) forwarded to another mailbox: no codec can rebuild a file from the event
        f.inventory.save(new DownstreamSystem("mailbox", "MAILBOX", Optional.empty(), "test", ScriptedTransport.NAME, WireFormat.opaque(),
                "mem://mailbox", AuthPattern.NONE, Optional.empty(), Optional.empty()));
        f.route("to-mailbox", TestRouteConfig.to("mailbox"));
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith", "P2|V2|Jones");
        f.startDispatcher();
        await("delivery to the OPAQUE target", () -> f.outbox.byJournalId(r.journalId()).stream()
                .filter(row -> row.target().equals("mailbox")).allMatch(row -> row.state() == OutboxState.DONE));
        assertThat(f.transport.calls()).filteredOn(c -> c.target().equals("mailbox")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.body()).isEqualTo("P1|V1|Smith\nP2|V2|Jones"));
        assertThat(f.transport.calls()).filteredOn(c -> c.target().equals("epr"))
                .allSatisfy(c -> assertThat(c.body()).startsWith("ENC|Admission|"));
    }

    @Test
    void transientFailuresAreRetriedWithTheSameRequestIdUntilTheySucceed() throws Exception {
        f.transport.behave(ScriptedTransport.succeedAfter(2));
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        f.startDispatcher();
        await("delivery", () -> only(r.journalId()).state() == OutboxState.DONE);
        assertThat(f.transport.calls()).extracting(ScriptedTransport.Call::attempt).containsExactly(1, 2, 3);
        assertThat(f.transport.calls()).extracting(ScriptedTransport.Call::requestId).containsOnly(only(r.journalId()).requestId());
        assertThat(f.transport.effects()).hasSize(1);
        assertThat(stages(r.journalId())).containsExactly(Stage.RECEIVED, Stage.TRANSFORMED, Stage.ROUTED,
                Stage.SENT, Stage.RESPONSE, Stage.SENT, Stage.RESPONSE, Stage.SENT, Stage.ACKED);
        assertThat(only(r.journalId()).attempts()).isEqualTo(3);
    }

    @Test
    void exhaustedRetriesGoToDeadLetterAndAReplayDeliversWithTheSameRequestId() throws Exception {
        f.transport.behave(ScriptedTransport.succeedAfter(100));
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        f.startDispatcher();
        await("dead letter", () -> only(r.journalId()).state() == OutboxState.DEAD_LETTER);
        assertThat(f.transport.calls()).hasSize(5);
        assertThat(f.outbox.deadLetters(Optional.empty(), false, 10)).singleElement().satisfies(d -> {
            assertThat(d.reason()).contains("gave up after 5 attempts").contains("timeout");
            assertThat(d.target()).isEqualTo("epr");
        });
        assertThat(stages(r.journalId())).last().isEqualTo(Stage.DEAD_LETTER);

        f.transport.behave(ScriptedTransport.ACK);
        f.admin.replay(only(r.journalId()).id(), "alice");
        await("replayed delivery", () -> only(r.journalId()).state() == OutboxState.DONE);
        assertThat(f.transport.calls()).extracting(ScriptedTransport.Call::requestId).containsOnly(only(r.journalId()).requestId());
        assertThat(f.outbox.deadLetters(Optional.empty(), false, 10)).isEmpty();
        assertThat(f.outbox.deadLetters(Optional.empty(), true, 10)).singleElement()
                .satisfies(d -> assertThat(d.resolvedBy()).contains("alice"));
        List<StageEntry> all = f.journal.find(r.journalId()).orElseThrow().stages();
        assertThat(all).anySatisfy(s -> {
            assertThat(s.stage()).isEqualTo(Stage.ROUTED);
            assertThat(s.detail()).contains("replayed by alice");
        });
        assertThat(all.get(all.size() - 1).stage()).isEqualTo(Stage.ACKED);
    }

    @Test
    void replayAllOfATargetRequeuesEveryDeadLetter() throws Exception {
        f.transport.behave((req, n, b) -> new DeliveryResult.Permanent("AR: unknown ward", Optional.empty()));
        f.accept("M1", "P1|V1|Smith");
        f.accept("M2", "P2|V2|Jones");
        f.startDispatcher();
        await("two dead letters", () -> f.outbox.deadLetters(Optional.of("epr"), false, 10).size() == 2);
        assertThat(f.transport.calls()).hasSize(2);
        assertThat(f.outbox.deadLetters(Optional.empty(), false, 10)).allSatisfy(d ->
                assertThat(d.reason()).contains("permanent failure: AR: unknown ward"));
        f.transport.behave(ScriptedTransport.ACK);
        assertThat(f.admin.replayAll("epr", "bob")).isEqualTo(2);
        await("both delivered", () -> f.transport.effects().size() == 2);
    }

    @Test
    void anAmendmentGetsANewRequestIdAndIsDelivered() throws Exception {
        IntakeReceipt first = f.accept("M1", "P1|V1|Smith");
        IntakeReceipt retry = f.accept("M2", "P1|V1|Smith");
        IntakeReceipt amended = f.accept("M3", "P1|V1|Smyth");
        assertThat(f.outbox.byJournalId(retry.journalId())).isEmpty();
        f.startDispatcher();
        await("both delivered", () -> f.transport.effects().size() == 2);
        String a = only(first.journalId()).requestId();
        String b = only(amended.journalId()).requestId();
        assertThat(a).isNotEqualTo(b);
        assertThat(f.transport.calls()).extracting(ScriptedTransport.Call::requestId).containsExactlyInAnyOrder(a, b);
    }

    @Test
    void aMissingTransportKeepsRowsWaitingAndReportsItUntilOneIsRegistered() throws Exception {
        f.services.removeTransport(f.transport, Map.of(ServiceDirectory.TRANSPORT, ScriptedTransport.NAME));
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        f.startDispatcher();
        await("waiting reported", () -> f.health.components().stream().anyMatch(h -> h.component().equals("routing:epr")
                && h.state() == HealthState.DEGRADED && h.detail().contains("no outbound transport 'SCRIPTED'")));
        Thread.sleep(200);
        OutboxRow waiting = only(r.journalId());
        assertThat(waiting.state()).isIn(OutboxState.PENDING, OutboxState.LEASED);
        assertThat(waiting.attempts()).isLessThanOrEqualTo(1);
        f.services.addTransport(f.transport, Map.of(ServiceDirectory.TRANSPORT, ScriptedTransport.NAME));
        await("delivery", () -> only(r.journalId()).state() == OutboxState.DONE);
        assertThat(only(r.journalId()).attempts()).isEqualTo(1);
        await("health back up", () -> f.health.components().stream().anyMatch(h -> h.component().equals("routing:epr")
                && h.state() == HealthState.UP));
    }

    @Test
    void aTargetMissingFromTheInventoryWaits() throws Exception {
        f.inventory.remove("epr");
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        f.startDispatcher();
        await("reason recorded", () -> only(r.journalId()).lastError().orElse("").contains("not in the inventory"));
        assertThat(f.transport.calls()).isEmpty();
        f.inventory.save(RoutingFixture.system("epr"));
        await("delivery", () -> only(r.journalId()).state() == OutboxState.DONE);
    }

    @Test
    void withoutTheCachedEventTheJournaledPayloadIsDecodedAgain() throws Exception {
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith\nP2|V2|Jones");
        f.startDispatcher(new RecentEvents(), 2);
        await("both delivered", () -> f.outbox.byJournalId(r.journalId()).stream().allMatch(o -> o.state() == OutboxState.DONE));
        assertThat(f.transport.calls()).extracting(ScriptedTransport.Call::body)
                .anySatisfy(b -> assertThat(b).startsWith("ENC|Admission|Smith|"))
                .anySatisfy(b -> assertThat(b).startsWith("ENC|Admission|Jones|"));
    }

    @Test
    void aRoutesHeadersReachTheTransportWithTheRequestId() throws Exception {
        TestRouteConfig c = TestRouteConfig.to("gp");
        c.headers = new String[] {"mllp.onAE=DEAD_LETTER"};
        f.route("gp-route", c);
        f.startDispatcher();
        IntakeReceipt r = f.accept("MH", "P7|V7|Header");
        await("delivered", () -> f.outbox.byJournalId(r.journalId()).stream().allMatch(row -> row.state() == OutboxState.DONE));
        ScriptedTransport.Call call = f.transport.calls().stream().filter(x -> x.target().equals("gp")).findFirst().orElseThrow();
        assertThat(call.headers()).containsEntry("mllp.onAE", "DEAD_LETTER").containsKey("X-Request-ID");
    }

    @Test
    void anAcceptedDeliveryIsTrackedUntilAcknowledged() throws Exception {
        f.transport.behave((req, n, b) -> new DeliveryResult.Accepted("MSG-1", "accepted by mailbox"));
        f.transport.track(req -> new DeliveryResult.Acknowledged("delivered to recipient", Optional.empty()));
        IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
        f.startDispatcher();
        await("acknowledged", () -> only(r.journalId()).state() == OutboxState.DONE);
        assertThat(f.transport.calls()).hasSize(1);
        assertThat(stages(r.journalId())).endsWith(Stage.SENT, Stage.RESPONSE, Stage.ACKED);
    }

    @Test
    void manyEventsFromConcurrentSendersAreAllDeliveredOnce() throws Exception {
        f.transport.behave(ScriptedTransport.slow(2));
        f.startDispatcher();
        List<CompletableFuture<IntakeReceipt>> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            sent.add(f.acceptAsync("M" + i, "P" + i + "|V" + i + "|Smith"));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        await("all delivered", () -> f.transport.effects().size() == 200);
        assertThat(f.transport.calls()).hasSize(200);
        await("depth zero", () -> {
            f.monitor.refresh();
            return f.monitor.depth("epr") == 0;
        });
    }
}
