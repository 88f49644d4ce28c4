package io.holdfast.eps.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.Prescription;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.eps.internal.EpsFixture;
import io.holdfast.eps.internal.Samples;
import io.holdfast.eps.internal.SignedOrders;
import io.holdfast.eps.internal.StubEps;
import io.holdfast.simulator.eps.EpsSimulator;
import io.holdfast.simulator.eps.EpsSimulatorConfig;
import io.holdfast.testkit.OutboxEntry;
import io.holdfast.testkit.journal.JournalTrace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Prescriptions routed to the EPS simulator through the outbox, on the real kernel: prescriber-signed orders passed
 * through (target format OPAQUE), canonical events encoded by the EPS codec (target format EPS:R4).
 */
class EpsOutboxFlowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    Path dir;

    private static EpsSimulator simulator() {
        return EpsSimulator.start(EpsSimulatorConfig.builder().port(0).build());
    }

    @Test
    void aPrescriptionIsSentOnceAndAcknowledgedWithEpsIssues() throws Exception {
        try (EpsSimulator sim = simulator(); EpsFixture eps = EpsFixture.start(dir, sim.fhirBaseUrl())) {
            Prescription p = Samples.prescription("plain", "100 tablet");
            eps.receive("RX-1", EpsFixture.PRESCRIBER, new SignedOrders(sim.fhirBaseUrl()).signed(p));
            JournalTrace t = JournalTrace.awaitStage(eps.kernel.journal(), "RX-1", Stage.ACKED, WAIT);
            assertThat(stage(t, Stage.ACKED).detail()).startsWith("EPS accepted prescription-order " + p.prescriptionId().value() + ": HTTP 200");
            assertThat(sim.counters().storedTimes(p.prescriptionId().value())).isEqualTo(1);
        }
    }

    @Test
    void aLostResponseIsRetriedWithTheSameRequestIdAndIdenticalBodyAndStoredOnce() throws Exception {
        try (EpsSimulator sim = simulator(); EpsFixture eps = EpsFixture.start(dir, sim.fhirBaseUrl())) {
            Prescription p = Samples.prescription("lost", "100 tablet");
            byte[] signed = new SignedOrders(sim.fhirBaseUrl()).signed(p);
            sim.faults().failNextRequestsAfterCommit(1, 504);
            eps.receive("RX-LOST", EpsFixture.PRESCRIBER, signed);
            JournalTrace t = JournalTrace.awaitStage(eps.kernel.journal(), "RX-LOST", Stage.ACKED, WAIT);
            List<StageEntry> sent = stages(t, Stage.SENT);
            assertThat(sent).hasSize(2);
            String requestId = eps.kernel.outbox(EpsFixture.SIGNED).get(0).requestId();
            assertThat(sent).allSatisfy(s -> assertThat(s.detail()).startsWith("request " + requestId + " "));
            assertThat(sent.get(1).payload().orElseThrow().sha256()).isEqualTo(sent.get(0).payload().orElseThrow().sha256());
            assertThat(stages(t, Stage.RESPONSE).get(0).detail()).contains("HTTP 504").contains(EarlierAttempts.MAY_HAVE_LANDED);
            assertThat(stage(t, Stage.ACKED).detail()).satisfiesAnyOf(d -> assertThat(d).startsWith("EPS accepted prescription-order"),
                    d -> assertThat(d).startsWith(EpsTransport.ALREADY_DONE));
            assertThat(sim.counters().storedTimes(p.prescriptionId().value())).isEqualTo(1);
            assertThat(sim.counters().orderDeliveries(p.prescriptionId().value())).isEqualTo(1);
        }
    }

    @Test
    void theSamePrescriptionIdWithOtherContentIsDeadLetteredWithAClinicalSafetyAlert() throws Exception {
        try (EpsSimulator sim = simulator(); EpsFixture eps = EpsFixture.start(dir, sim.fhirBaseUrl())) {
            SignedOrders prescriber = new SignedOrders(sim.fhirBaseUrl());
            Prescription first = Samples.prescription("clash", "100 tablet");
            eps.receive("RX-A", EpsFixture.PRESCRIBER, prescriber.signed(first));
            JournalTrace.awaitStage(eps.kernel.journal(), "RX-A", Stage.ACKED, WAIT);
            eps.receive("RX-B", EpsFixture.PRESCRIBER, prescriber.signed(Samples.prescription("clash", "200 tablet")));
            JournalTrace t = JournalTrace.awaitStage(eps.kernel.journal(), "RX-B", Stage.DEAD_LETTER, WAIT);
            assertThat(stage(t, Stage.DEAD_LETTER).detail()).contains("clinical-safety: DUPLICATE_PRESCRIPTION_ID with different content");
            assertThat(eps.kernel.outbox(EpsFixture.SIGNED)).extracting(OutboxEntry::state).containsExactlyInAnyOrder("DONE", "DEAD_LETTER");
            assertThat(eps.kernel.alerts().active()).anySatisfy(a -> {
                assertThat(a.key()).isEqualTo(EpsTransport.ALERT_PREFIX + first.prescriptionId().value());
                assertThat(a.severity()).isEqualTo(AlertSeverity.CRITICAL);
                assertThat(a.text()).contains("other content").doesNotContain("9449304130").doesNotContain("TWITCHETT");
            });
            assertThat(sim.counters().storedTimes(first.prescriptionId().value())).isEqualTo(1);
        }
    }

    @Test
    void throttlingIsRetriedUntilEpsTakesIt() throws Exception {
        try (EpsSimulator sim = simulator(); EpsFixture eps = EpsFixture.start(dir, sim.fhirBaseUrl())) {
            Prescription p = Samples.prescription("throttled", "100 tablet");
            byte[] signed = new SignedOrders(sim.fhirBaseUrl()).signed(p);
            sim.faults().failNextRequests(2, 429);
            eps.receive("RX-429", EpsFixture.PRESCRIBER, signed);
            JournalTrace t = JournalTrace.awaitStage(eps.kernel.journal(), "RX-429", Stage.ACKED, WAIT);
            assertThat(stages(t, Stage.SENT)).hasSize(3);
            assertThat(stages(t, Stage.RESPONSE).get(0).detail()).contains("transient failure").contains("HTTP 429");
            assertThat(sim.counters().storedTimes(p.prescriptionId().value())).isEqualTo(1);
        }
    }

    @Test
    void aRestartBetweenTheLostResponseAndTheRetryStillStoresOnePrescription() throws Exception {
        try (EpsSimulator sim = simulator()) {
            Prescription p = Samples.prescription("restart", "100 tablet");
            byte[] signed = new SignedOrders(sim.fhirBaseUrl()).signed(p);
            sim.faults().failNextRequestsAfterCommit(1, 504);
            var slowRetry = EpsFixture.signedRoute(2_000, 2_000);
            try (EpsFixture eps = EpsFixture.start(dir, sim.fhirBaseUrl(), slowRetry)) {
                eps.receive("RX-RESTART", EpsFixture.PRESCRIBER, signed);
                JournalTrace.awaitStage(eps.kernel.journal(), "RX-RESTART", Stage.RESPONSE, WAIT);
                assertThat(sim.counters().storedTimes(p.prescriptionId().value())).isEqualTo(1);
            }
            try (EpsFixture again = EpsFixture.start(dir, sim.fhirBaseUrl(), slowRetry)) {
                JournalTrace t = JournalTrace.awaitStage(again.kernel.journal(), "RX-RESTART", Stage.ACKED, WAIT);
                assertThat(stages(t, Stage.SENT)).hasSize(2);
                assertThat(again.kernel.outbox(EpsFixture.SIGNED)).extracting(OutboxEntry::state).containsExactly("DONE");
            }
            assertThat(sim.counters().storedTimes(p.prescriptionId().value())).isEqualTo(1);
        }
    }

    @Test
    void anUnsignedOrderIsDeadLetteredWithEpsReasonAndACancelOrDispenseGoesThroughTheCodec() throws Exception {
        try (EpsSimulator sim = simulator(); EpsFixture eps = EpsFixture.start(dir, sim.fhirBaseUrl())) {
            Prescription unsigned = Samples.prescription("unsigned", "100 tablet");
            eps.receive("RX-UNSIGNED", unsigned);
            JournalTrace t = JournalTrace.awaitStage(eps.kernel.journal(), "RX-UNSIGNED", Stage.DEAD_LETTER, WAIT);
            assertThat(stage(t, Stage.DEAD_LETTER).detail()).contains("EPS refused prescription-order").contains("HTTP 400");
            assertThat(eps.kernel.outbox(EpsFixture.SYSTEM)).extracting(OutboxEntry::state).containsExactly("DEAD_LETTER");

            Prescription p = Samples.prescription("to-cancel", "100 tablet");
            eps.receive("RX-SIGNED", EpsFixture.PRESCRIBER, new SignedOrders(sim.fhirBaseUrl()).signed(p));
            JournalTrace.awaitStage(eps.kernel.journal(), "RX-SIGNED", Stage.ACKED, WAIT);
            eps.receive("RX-CANCEL", Samples.cancelled(p));
            JournalTrace c = JournalTrace.awaitStage(eps.kernel.journal(), "RX-CANCEL", Stage.ACKED, WAIT);
            assertThat(stage(c, Stage.ACKED).detail()).startsWith("EPS accepted prescription-order-update " + p.prescriptionId().value());
        }
    }

    @Test
    void aDuplicateAfterOurOwnLostResponseIsAcknowledgedAsAlreadyDone() throws Exception {
        try (StubEps stub = new StubEps(); EpsFixture eps = EpsFixture.start(dir, stub.baseUrl())) {
            stub.fault(StubEps.Fault.LOST_RESPONSE);
            Prescription p = Samples.prescription("done-already", "100 tablet");
            eps.receive("RX-DONE", p);
            JournalTrace t = JournalTrace.awaitStage(eps.kernel.journal(), "RX-DONE", Stage.ACKED, WAIT);
            assertThat(stage(t, Stage.ACKED).detail()).startsWith(EpsTransport.ALREADY_DONE + "EPS holds prescription " + p.prescriptionId().value())
                    .contains("an earlier attempt of request");
            assertThat(stub.seen).hasSize(2);
            assertThat(stub.seen).extracting(StubEps.Seen::requestId).containsOnly(stub.seen.get(0).requestId());
            assertThat(stub.seen).extracting(StubEps.Seen::bodyDigest).containsOnly(stub.seen.get(0).bodyDigest());
            assertThat(stub.stored).containsOnlyKeys(p.prescriptionId().value());
            assertThat(eps.kernel.alerts().active()).noneSatisfy(a -> assertThat(a.key()).startsWith(EpsTransport.ALERT_PREFIX));
        }
    }

    @Test
    void aBusinessErrorIsDeadLetteredWithTheReasonAndThrottlingHonoursRetryAfter() throws Exception {
        try (StubEps stub = new StubEps(); EpsFixture eps = EpsFixture.start(dir, stub.baseUrl())) {
            stub.fault(StubEps.Fault.MISSING_FIELD);
            eps.receive("RX-400", Samples.prescription("missing", "100 tablet"));
            JournalTrace t = JournalTrace.awaitStage(eps.kernel.journal(), "RX-400", Stage.DEAD_LETTER, WAIT);
            assertThat(stage(t, Stage.DEAD_LETTER).detail()).contains("HTTP 400 error MISSING_FIELD (Required field missing)");

            stub.fault(StubEps.Fault.THROTTLE);
            eps.receive("RX-RETRY-AFTER", Samples.prescription("retry-after", "100 tablet"));
            JournalTrace r = JournalTrace.awaitStage(eps.kernel.journal(), "RX-RETRY-AFTER", Stage.ACKED, WAIT);
            List<StageEntry> sent = stages(r, Stage.SENT);
            assertThat(sent).hasSize(2);
            // the route's own backoff is 20-100 ms; EPS asked for 1 s
            assertThat(Duration.between(sent.get(0).at(), sent.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }
    }

    static StageEntry stage(JournalTrace t, Stage stage) {
        return stages(t, stage).get(0);
    }

    static List<StageEntry> stages(JournalTrace t, Stage stage) {
        return t.entry().stages().stream().filter(s -> s.stage() == stage).toList();
    }
}
