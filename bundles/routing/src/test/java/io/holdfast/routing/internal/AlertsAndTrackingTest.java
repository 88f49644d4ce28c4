package io.holdfast.routing.internal;

import static io.holdfast.routing.internal.RoutingFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.routing.internal.outbox.OutboxState;
import io.holdfast.routing.internal.outbox.TargetMonitor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dead letters raise the target's status and a kernel alert until resolved; tracking states are
 * journaled as they change.
 */
class AlertsAndTrackingTest {
    @TempDir
    Path dir;

    static Optional<ComponentHealth> status(RoutingFixture f, String target) {
        return f.health.components().stream().filter(c -> c.component().equals("routing:" + target)).findFirst();
    }

    @Test
    void aDeadLetterDegradesItsTargetUntilItIsReplayed() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            AtomicInteger calls = new AtomicInteger();
            f.transport.behave((req, n, body) -> calls.incrementAndGet() == 1
                    ? new DeliveryResult.Permanent("HTTP 422 unprocessable: expired (code 14)", Optional.empty())
                    : ScriptedTransport.ACK.answer(req, n, body));
            f.startDispatcher();
            IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
            await("dead-lettered", () -> f.outbox.byJournalId(r.journalId()).get(0).state() == OutboxState.DEAD_LETTER);
            await("status degraded", () -> status(f, "epr").map(c -> c.state() == HealthState.DEGRADED).orElse(false));
            assertThat(status(f, "epr").orElseThrow().detail()).contains("1 unresolved dead letter").contains("holdfast:deadletters");
            assertThat(f.alerts.find(TargetMonitor.deadLetterAlert("epr"))).hasValueSatisfying(a -> {
                assertThat(a.severity()).isEqualTo(AlertSeverity.WARNING);
                assertThat(a.text()).contains("1 unresolved dead letter(s) to epr").doesNotContain("expired (code 14)");
            });

            f.admin.replay(f.outbox.byJournalId(r.journalId()).get(0).id(), "alice");
            await("delivered after replay", () -> f.outbox.byJournalId(r.journalId()).get(0).state() == OutboxState.DONE);
            f.monitor.refresh();
            assertThat(status(f, "epr").orElseThrow().state()).isEqualTo(HealthState.UP);
            assertThat(f.alerts.find(TargetMonitor.deadLetterAlert("epr"))).as("cleared by the replay").isEmpty();
            assertThat(f.alerts.changes()).containsExactly("RAISED routing:dead-letters:epr: 1 unresolved dead letter(s) to epr: "
                    + "holdfast:deadletters --target epr, then holdfast:replay or holdfast:skip", "CLEARED routing:dead-letters:epr");
        }
    }

    @Test
    void aDeadLetterLeftFromAnEarlierRunDegradesTheTargetAtStart() throws Exception {
        long journalId;
        try (RoutingFixture f = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            f.transport.behave((req, n, body) -> new DeliveryResult.Permanent("AR: unknown patient", Optional.empty()));
            f.startDispatcher();
            journalId = f.accept("M1", "P1|V1|Smith").journalId();
            await("dead-lettered", () -> f.outbox.byJournalId(journalId).get(0).state() == OutboxState.DEAD_LETTER);
        }
        try (RoutingFixture again = new RoutingFixture(dir).route("adt", TestRouteConfig.to("epr"))) {
            assertThat(status(again, "epr")).hasValueSatisfying(c -> {
                assertThat(c.state()).isEqualTo(HealthState.DEGRADED);
                assertThat(c.detail()).contains("1 unresolved dead letter");
            });
            assertThat(again.alerts.find(TargetMonitor.deadLetterAlert("epr"))).as("raised again at start").isPresent();
        }
    }

    @Test
    void eachTrackingStateIsJournaledOnceWhenItChanges() throws Exception {
        try (RoutingFixture f = new RoutingFixture(dir).route("mesh", TestRouteConfig.to("epr"))) {
            f.transport.behave((req, n, b) -> new DeliveryResult.Accepted("MSG-1", "MESH MSG-1 accepted"));
            AtomicInteger tracks = new AtomicInteger();
            f.transport.track(req -> switch (tracks.incrementAndGet()) {
                case 1, 2 -> new DeliveryResult.Accepted("MSG-1", "MESH MSG-1 accepted");
                case 3, 4 -> new DeliveryResult.Accepted("MSG-1", "MESH MSG-1 downloaded");
                default -> new DeliveryResult.Acknowledged("MESH MSG-1 acknowledged", Optional.empty());
            });
            f.startDispatcher();
            IntakeReceipt r = f.accept("M1", "P1|V1|Smith");
            await("acknowledged", () -> f.outbox.byJournalId(r.journalId()).get(0).state() == OutboxState.DONE);
            List<StageEntry> stages = f.journal.find(r.journalId()).orElseThrow().stages();
            assertThat(stages).extracting(StageEntry::stage)
                    .containsExactly(Stage.RECEIVED, Stage.TRANSFORMED, Stage.ROUTED, Stage.SENT, Stage.RESPONSE, Stage.RESPONSE,
                            Stage.ACKED);
            assertThat(stages.get(5).detail()).contains("downloaded");
            assertThat(tracks.get()).isEqualTo(5);
        }
    }
}
