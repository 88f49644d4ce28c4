package io.holdfast.testkit;

import static io.holdfast.api.kernel.Stage.RECEIVED;
import static io.holdfast.api.kernel.Stage.ROUTED;
import static io.holdfast.api.kernel.Stage.TRANSFORMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.IntakeRefusedException;
import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Router;
import io.holdfast.testkit.journal.JournalTrace;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Intake, journal and idempotency of a TestKernel behave as the kernel's: journaled, deduplicated, refused without a route. */
class TestKernelIntakeTest {
    @TempDir
    Path dir;

    private TestKernelBuilder routedToEpr() {
        return TestKernel.builder(dir).codec(new VisitLinesCodec()).system("epr", "TEST", VisitLinesCodec.FORMAT)
                .route("visits-to-epr", "epr").noDispatcher();
    }

    @Test
    void aMessageIsJournaledAndRoutedAndTheSameClinicalEventAgainIsADuplicate() throws Exception {
        try (TestKernel k = routedToEpr().start()) {
            IntakeReceipt first = VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH");
            IntakeReceipt again = VisitLinesCodec.send(k, "MSG2", "P1|V1|SMITH");

            assertThat(first.events()).singleElement().satisfies(e -> {
                assertThat(e.claim()).isEqualTo(ClaimOutcome.NEW);
                assertThat(e.routedTo()).containsExactly("epr");
            });
            assertThat(again.allDuplicates()).isTrue();
            assertThat(again.events().get(0).routedTo()).isEmpty();
            JournalTrace.of(k.journal(), "MSG1").assertStages(RECEIVED, TRANSFORMED, ROUTED).assertStage(ROUTED, "epr");
            assertThat(JournalTrace.of(k.journal(), "MSG2").entry().claim()).contains(ClaimOutcome.DUPLICATE);
            assertThat(k.outbox("epr")).singleElement().satisfies(row -> {
                assertThat(row.journalId()).isEqualTo(first.journalId());
                assertThat(row.state()).isEqualTo("PENDING");
            });
            assertThat(k.idempotency().count()).isEqualTo(1);
            assertThat(k.journal().verify().firstBrokenRow()).isEmpty();
        }
    }

    @Test
    void changedContentForTheSameVisitIsAnAmendment() throws Exception {
        try (TestKernel k = routedToEpr().start()) {
            VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH");
            IntakeReceipt amended = VisitLinesCodec.send(k, "MSG2", "P1|V1|SMYTHE");

            assertThat(amended.events().get(0).claim()).isEqualTo(ClaimOutcome.AMENDMENT);
            assertThat(k.outbox("epr")).hasSize(2);
        }
    }

    @Test
    void withoutAMatchingRouteIntakeRefusesAsInProduction() throws Exception {
        try (TestKernel k = TestKernel.builder(dir).codec(new VisitLinesCodec()).start()) {
            assertThatThrownBy(() -> VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH"))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(IntakeRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(IntakeRefusedException.Reason.NO_ROUTE));
            assertThat(JournalTrace.of(k.journal(), "MSG1").entries()).isEmpty();
        }
    }

    @Test
    void aJournalOnlyKernelAcceptsWithoutRoutes() throws Exception {
        try (TestKernel k = TestKernel.builder(dir).journalOnly().start()) {
            IntakeReceipt r = VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH");

            assertThat(r.events().get(0).routedTo()).isEmpty();
            JournalTrace.of(k.journal(), "MSG1").assertStages(RECEIVED, TRANSFORMED);
        }
    }

    @Test
    void aKernelRestartedOnTheSameFolderKeepsTheJournalAndTheClaims() throws Exception {
        try (TestKernel k = routedToEpr().start()) {
            VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH");
        }
        try (TestKernel k = routedToEpr().start()) {
            IntakeReceipt again = VisitLinesCodec.send(k, "MSG2", "P1|V1|SMITH");

            assertThat(again.allDuplicates()).isTrue();
            JournalTrace.of(k.journal(), "MSG1").assertStages(RECEIVED, TRANSFORMED, ROUTED);
            assertThat(k.journal().verify().firstBrokenRow()).isEmpty();
        }
    }

    @Test
    void aRouteAddedAndRemovedWhileRunningTakesEffectForLaterMessages() throws Exception {
        try (TestKernel k = TestKernel.builder(dir).codec(new VisitLinesCodec()).system("epr", "TEST", VisitLinesCodec.FORMAT)
                .noDispatcher().start()) {
            k.addRoute(TestRoute.named("late").to("epr"));
            assertThat(VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH").events().get(0).routedTo()).containsExactly("epr");

            k.removeRoute("late");
            assertThatThrownBy(() -> VisitLinesCodec.send(k, "MSG2", "P2|V2|JONES")).hasCauseInstanceOf(IntakeRefusedException.class);
        }
    }

    @Test
    void whileRoutingIsStoppedIntakeRefusesAndAcceptsAgainOnceItIsBack() throws Exception {
        try (TestKernel k = routedToEpr().start()) {
            k.stopRouting();
            assertThatThrownBy(() -> VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH"))
                    .cause().isInstanceOfSatisfying(IntakeRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(IntakeRefusedException.Reason.ROUTING_UNAVAILABLE));

            k.startRouting();
            assertThat(VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH").events().get(0).routedTo()).containsExactly("epr");
        }
    }

    @Test
    void aFixedRouterJournalsRoutedStagesWithoutOutboxRows() throws Exception {
        Router everythingToEpr = (env, event) -> List.of(new Router.Target("adt-to-epr", "epr", true));
        try (TestKernel k = TestKernel.builder(dir).fixedRouter(everythingToEpr).start()) {
            IntakeReceipt r = VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH");

            assertThat(r.events().get(0).routedTo()).containsExactly("epr");
            JournalTrace.of(k.journal(), "MSG1").assertStages(RECEIVED, TRANSFORMED, ROUTED);
            assertThat(k.outbox()).isEmpty();
        }
    }

    @Test
    void aStoppedIntakeRefusesAsAKernelShuttingDown() throws Exception {
        try (TestKernel k = routedToEpr().start()) {
            k.stopIntake();

            assertThatThrownBy(() -> VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH"))
                    .cause().isInstanceOfSatisfying(IntakeRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(IntakeRefusedException.Reason.SHUTTING_DOWN));
            assertThat(JournalTrace.of(k.journal(), "MSG1").entries()).isEmpty();
        }
    }
}
