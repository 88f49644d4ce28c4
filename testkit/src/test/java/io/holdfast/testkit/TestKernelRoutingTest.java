package io.holdfast.testkit;

import static io.holdfast.api.kernel.Stage.ACKED;
import static io.holdfast.api.kernel.Stage.DEAD_LETTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.journal.JournalTrace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outbox and dispatcher of a TestKernel deliver through a registered transport and record the outcome. */
class TestKernelRoutingTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aRoutedEventIsEncodedAndDeliveredToTheTargetsTransportAndJournaledAcked() throws Exception {
        RecordingTransport epr = new RecordingTransport("RECORDING");
        try (TestKernel k = TestKernel.builder(dir).codec(new VisitLinesCodec()).transport(epr)
                .system("epr", epr.name(), VisitLinesCodec.FORMAT).route("visits-to-epr", "epr").start()) {
            VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH");

            JournalTrace trace = JournalTrace.awaitStage(k.journal(), "MSG1", ACKED, WAIT);

            trace.assertStage(ACKED, "epr");
            assertThat(epr.deliveriesTo("epr")).singleElement().satisfies(d -> assertThat(d.bodyText()).isEqualTo("ADMIT|V1|SMITH"));
            Await.until("outbox row done", WAIT, () -> k.outbox("epr").get(0).state().equals("DONE"), () -> k.outbox().toString());
        }
    }

    @Test
    void aPermanentRefusalDeadLettersTheRowWithItsReason() throws Exception {
        RecordingTransport epr = new RecordingTransport("RECORDING")
                .answer(r -> new DeliveryResult.Permanent("AR: unknown ward", Optional.empty()));
        try (TestKernel k = TestKernel.builder(dir).codec(new VisitLinesCodec()).transport(epr)
                .system("epr", epr.name(), VisitLinesCodec.FORMAT).route("visits-to-epr", "epr").start()) {
            VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH");

            JournalTrace.awaitStage(k.journal(), "MSG1", DEAD_LETTER, WAIT);

            assertThat(k.outbox("epr")).singleElement().satisfies(row -> {
                assertThat(row.state()).isEqualTo("DEAD_LETTER");
                assertThat(row.lastError()).hasValueSatisfying(e -> assertThat(e).contains("AR: unknown ward"));
            });
        }
    }

    @Test
    void withoutADispatcherRowsStayPendingAndTheCountersShowTheBacklog() throws Exception {
        RecordingTransport epr = new RecordingTransport("RECORDING");
        try (TestKernel k = TestKernel.builder(dir).codec(new VisitLinesCodec()).transport(epr).noDispatcher()
                .system("epr", epr.name(), VisitLinesCodec.FORMAT).route("visits-to-epr", "epr").start()) {
            VisitLinesCodec.send(k, "MSG1", "P1|V1|SMITH");
            VisitLinesCodec.send(k, "MSG2", "P2|V2|JONES");

            KernelCounters counters = k.counters();
            assertThat(counters.openOutboxDepths()).containsEntry("epr", 2L);
            assertThat(counters.commits()).isPositive();
            assertThat(counters.dispatcherClaimed()).isZero();
            assertThat(epr.deliveries()).isEmpty();
        }
    }
}
