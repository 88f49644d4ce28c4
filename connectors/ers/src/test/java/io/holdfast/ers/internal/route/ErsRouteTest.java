package io.holdfast.ers.internal.route;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.event.Referral;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.model.Patient;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.ers.internal.ErsClient;
import io.holdfast.ers.internal.ErsFixture;
import io.holdfast.ers.internal.RoutedReview;
import io.holdfast.ers.internal.TestAuth;
import io.holdfast.ers.internal.codec.ErsStu3Codec;
import io.holdfast.ers.internal.config.ErsSettings;
import io.holdfast.fhir.FhirJson;
import io.holdfast.simulator.ers.ErsOperation;
import io.holdfast.simulator.ers.ErsSimulator;
import io.holdfast.simulator.ers.ErsSimulatorConfig;
import io.holdfast.simulator.ers.SandboxReferrals;
import io.holdfast.testkit.OutboxEntry;
import io.holdfast.testkit.TestKernelBuilder;
import io.holdfast.testkit.TestRoute;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.journal.JournalTrace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A canonical Referral from a Trust's EPR, routed through the outbox to an ERS target, becomes e-RS's review operation:
 * once, also when e-RS's answer is lost after it committed (504), when the outbox delivers again, and across a restart;
 * e-RS's business refusal is a dead letter with its code. The e-RS system's application token is presented to the
 * simulator as a caller e-RS lets review (e-RS itself allows accept/reject user-restricted only: README "Routed reviews").
 */
class ErsRouteTest {
    static final String TARGET = "ers-review";
    @TempDir
    Path dir;
    private final AtomicReference<ErsClient> client = new AtomicReference<>();
    private final ErsStu3Codec codec = new ErsStu3Codec(FhirJson.DEFAULT_MAX_BYTES);
    private ErsSimulator sim;

    @BeforeEach
    void startSimulator() {
        sim = ErsSimulator.start(ErsSimulatorConfig.builder().callers(TestAuth.callers()).build());
    }

    @AfterEach
    void stopSimulator() {
        sim.close();
    }

    private ErsFixture start(ErsSettings settings, long backoffMs) {
        ErsFixture f = ErsFixture.start(dir, sim.fhirBaseUrl(), settings, ErsFixture.providerClinician(),
                new TestAuth.Provider("user-routed", TestAuth.APP_IDENTITY), b -> route(b, backoffMs));
        client.set(f.client);
        return f;
    }

    private TestKernelBuilder route(TestKernelBuilder b, long backoffMs) {
        return b.codec(codec, ErsStu3Codec.FAMILY).transport(new ErsTransport(codec, () -> RoutedReview.of(client.get())))
                .system(new DownstreamSystem(TARGET, "e-RS reviews", Optional.empty(), "test", ErsTransport.TRANSPORT, ErsStu3Codec.FORMAT,
                        "test://" + TARGET, AuthPattern.NONE, Optional.empty(), Optional.empty()))
                .route(TestRoute.named("epr-referrals").to(TARGET).retry(5, backoffMs, backoffMs));
    }

    private static ErsSettings settings(int attempts) {
        return ErsSettings.defaults(ErsFixture.SYSTEM).withRetries(attempts, Duration.ofSeconds(1));
    }

    private void send(ErsFixture ers, String messageId, String ubrn, String status) throws Exception {
        Referral referral = new Referral(ubrn, Patient.identifiedBy(Identifier.of(NhsNumber.parse("9000000009"))), Optional.empty(),
                Optional.empty(), Optional.of("CARDIOLOGY"), Optional.of("ROUTINE"), status, Optional.empty());
        byte[] bytes = codec.encode(referral, ErsStu3Codec.FORMAT, new FieldTrail());
        Envelope env = Envelope.of(messageId, "epr", "fhir:referrals", ErsStu3Codec.FORMAT);
        ers.kernel.intake().accept(env, Payload.of(bytes), DecodeResult.decoded(referral), new FieldTrail()).toCompletableFuture().get();
    }

    private static String detail(JournalTrace t, Stage stage) {
        return t.entry().stages().stream().filter(s -> s.stage() == stage).map(StageEntry::detail).reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aRoutedRejectionWhoseAnswerWasLostIsAppliedOnceAndAcknowledged() throws Exception {
        sim.faults().failMatching("$ers.rejectReferral", 1, 504, OptionalInt.empty(), true);
        try (ErsFixture ers = start(settings(3), 50)) {
            send(ers, "REF-1", SandboxReferrals.BOOKED_FOR_REVIEW, "rejected");

            JournalTrace t = JournalTrace.awaitStage(ers.kernel.journal(), "REF-1", Stage.ACKED, Duration.ofSeconds(30));
            assertThat(detail(t, Stage.ACKED)).contains("REJECT of referral " + SandboxReferrals.BOOKED_FOR_REVIEW).contains("REJECTED");
            assertThat(sim.applied(ErsOperation.REJECT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
            assertThat(ers.kernel.journal().byMessageId("REF-1")).hasSize(1);
            assertThat(t.entry().stages()).filteredOn(s -> s.stage() == Stage.SENT).hasSize(1);
            JournalEntry review = ers.calls().stream().filter(e -> e.channel().equals("ers:review")).findFirst().orElseThrow();
            assertThat(ErsFixture.response(review).detail()).contains("$ers.rejectReferral").contains("2 attempts");
            assertThat(ErsFixture.response(review).credential()).contains(TestAuth.APP_IDENTITY.describe());
        }
    }

    @Test
    void whenTheOutboxDeliversAgainTheRejectionAlreadyInPlaceIsNotSentTwice() throws Exception {
        // one attempt per delivery: the lost answer is a Transient, and the outbox's second attempt finds the outcome in place
        sim.faults().failMatching("$ers.rejectReferral", 1, 504, OptionalInt.empty(), true);
        try (ErsFixture ers = start(settings(1), 50)) {
            send(ers, "REF-2", SandboxReferrals.BOOKED_FOR_REVIEW_2, "rejected");

            JournalTrace t = JournalTrace.awaitStage(ers.kernel.journal(), "REF-2", Stage.ACKED, Duration.ofSeconds(30));
            assertThat(detail(t, Stage.ACKED)).contains("already in place");
            assertThat(t.entry().stages()).filteredOn(s -> s.stage() == Stage.SENT).hasSize(2);
            assertThat(sim.applied(ErsOperation.REJECT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW_2)).isEqualTo(1);
            assertThat(ers.kernel.outbox(TARGET)).extracting(OutboxEntry::state).containsExactly("DONE");
        }
    }

    @Test
    void e_RsBusinessRefusalIsADeadLetterWithItsCode() throws Exception {
        try (ErsFixture ers = start(settings(3), 50)) {
            send(ers, "REF-3", SandboxReferrals.REJECTED, "accepted");

            JournalTrace t = JournalTrace.awaitStage(ers.kernel.journal(), "REF-3", Stage.DEAD_LETTER, Duration.ofSeconds(30));
            assertThat(detail(t, Stage.DEAD_LETTER)).contains("ACCEPT of referral " + SandboxReferrals.REJECTED).contains("e-RS refused (HTTP 4");
            assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.REJECTED)).isZero();
            List<OutboxEntry> rows = Await.value("dead-letter row", Duration.ofSeconds(10), () -> ers.kernel.outbox(TARGET),
                    r -> r.stream().anyMatch(x -> x.state().equals("DEAD_LETTER")));
            assertThat(rows).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(1));
        }
    }

    @Test
    void aStatusWithoutAnE_RsOperationIsADeadLetterAndNothingIsSent() throws Exception {
        try (ErsFixture ers = start(settings(3), 50)) {
            long before = sim.requests();
            send(ers, "REF-4", SandboxReferrals.BOOKED_FOR_REVIEW, "active");

            JournalTrace t = JournalTrace.awaitStage(ers.kernel.journal(), "REF-4", Stage.DEAD_LETTER, Duration.ofSeconds(30));
            assertThat(detail(t, Stage.DEAD_LETTER)).contains("referral status 'active' has no e-RS operation");
            assertThat(sim.requests()).isEqualTo(before);
        }
    }

    @Test
    void throttlingIsRetriedByTheOutboxHonouringRetryAfter() throws Exception {
        sim.faults().failMatching("$ers.rejectReferral", 1, 429, OptionalInt.of(1), false);
        try (ErsFixture ers = start(settings(1), 50)) {
            send(ers, "REF-5", SandboxReferrals.BOOKED_FOR_REVIEW, "rejected");

            JournalTrace t = JournalTrace.awaitStage(ers.kernel.journal(), "REF-5", Stage.ACKED, Duration.ofSeconds(30));
            assertThat(t.entry().stages()).filteredOn(s -> s.stage() == Stage.SENT).hasSize(2);
            assertThat(t.entry().stages()).filteredOn(s -> s.stage() == Stage.RESPONSE).extracting(StageEntry::detail)
                    .anySatisfy(d -> assertThat(d).contains("HTTP 429"));
            assertThat(sim.applied(ErsOperation.REJECT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
        }
    }

    @Test
    void aRestartMidFlowDeliversTheOutboxRowExactlyOnce() throws Exception {
        // the first attempt is applied but its answer lost; the kernel stops before the outbox tries again (5 s later; the
        // next attempt time is stored with the row, so the restarted kernel tries once it is due)
        sim.faults().failMatching("$ers.rejectReferral", 1, 504, OptionalInt.empty(), true);
        try (ErsFixture ers = start(settings(1), 5_000)) {
            send(ers, "REF-6", SandboxReferrals.BOOKED_FOR_REVIEW, "rejected");
            Await.value("the first attempt", Duration.ofSeconds(30), () -> ers.kernel.outbox(TARGET),
                    r -> r.stream().anyMatch(x -> x.attempts() >= 1 && x.lastError().isPresent()));
            assertThat(sim.applied(ErsOperation.REJECT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
        }
        try (ErsFixture again = start(settings(1), 50)) {
            JournalTrace t = JournalTrace.awaitStage(again.kernel.journal(), "REF-6", Stage.ACKED, Duration.ofSeconds(60));
            assertThat(detail(t, Stage.ACKED)).contains("already in place");
            assertThat(t.entry().stages()).filteredOn(s -> s.stage() == Stage.SENT).hasSize(2);
            assertThat(sim.applied(ErsOperation.REJECT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
            assertThat(again.kernel.journal().byMessageId("REF-6")).hasSize(1);
            assertThat(again.kernel.outbox(TARGET)).extracting(OutboxEntry::state).containsExactly("DONE");
        }
    }
}
