package io.holdfast.ers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.ers.AttachmentContent;
import io.holdfast.ers.CallContext;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.NewReferral;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.WorklistItem;
import io.holdfast.ers.internal.config.ErsRole;
import io.holdfast.ers.internal.config.ErsSettings;
import io.holdfast.simulator.ers.ErsOperation;
import io.holdfast.simulator.ers.ErsSimulator;
import io.holdfast.simulator.ers.ErsSimulatorConfig;
import io.holdfast.simulator.ers.SandboxReferrals;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider Trust's e-RS flows against the e-RS simulator on the real kernel: every call journaled with the credential
 * identity, application-restricted reads without role headers, user-restricted review outcomes with them.
 */
class ErsFlowsAgainstSimulatorTest {
    @TempDir
    Path dir;
    private ErsSimulator sim;
    private ErsFixture ers;

    @BeforeEach
    void start() {
        sim = ErsSimulator.start(ErsSimulatorConfig.builder().callers(TestAuth.callers()).build());
        ers = fixture(ErsFixture.providerClinician());
    }

    private ErsFixture fixture(ErsRole role) {
        return ErsFixture.start(dir, sim.fhirBaseUrl(), ErsSettings.defaults(ErsFixture.SYSTEM).withRetries(3, Duration.ofSeconds(2)), role,
                new TestAuth.Provider("app-ers", TestAuth.APP_IDENTITY), b -> b);
    }

    @AfterEach
    void stop() {
        if (ers != null) {
            ers.close();
        }
        sim.close();
    }

    static CallContext app() {
        return CallContext.of("corr-1", "test");
    }

    static CallContext user() {
        return CallContext.of("corr-2", "test").asUser("clinician-id-token");
    }

    @Test
    void aReferralIsRetrievedByUbrnAndTheCallJournaledWithTheCredentialIdentity() {
        ErsResult<ErsReferral> r = ers.client.retrieve(new Ubrn(SandboxReferrals.BOOKED_FOR_REVIEW), app());

        assertThat(r).isInstanceOfSatisfying(ErsResult.Done.class, d -> {
            ErsReferral referral = (ErsReferral) d.value();
            assertThat(referral.referral().ubrn()).isEqualTo(SandboxReferrals.BOOKED_FOR_REVIEW);
            assertThat(referral.state()).contains("BOOKED");
            assertThat(referral.referral().patient().nhsNumber()).isPresent();
        });
        JournalEntry call = ers.calls().get(0);
        assertThat(call.channel()).isEqualTo("ers:retrieve");
        assertThat(ErsFixture.response(call).credential()).contains(TestAuth.APP_IDENTITY.describe());
        assertThat(ErsFixture.response(call).detail()).startsWith("GET ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW + " -> HTTP 200")
                .contains("referral v").contains("1 attempt)");
    }

    @Test
    void anUnknownUbrnIsE_RsRefusalWithItsCode() {
        ErsResult<ErsReferral> r = ers.client.retrieve(new Ubrn("999999999999"), app());
        assertThat(r).isInstanceOfSatisfying(ErsResult.Refused.class, x -> assertThat(x.status()).isEqualTo(404));
        assertThat(ErsFixture.response(ers.calls().get(0)).detail()).contains("HTTP 404").contains("refused");
    }

    @Test
    void theWorklistAndAnAttachmentAreReadApplicationRestricted() {
        ErsResult<List<WorklistItem>> list = ers.client.worklist(Optional.empty(), app());
        assertThat(list).isInstanceOfSatisfying(ErsResult.Done.class, d -> assertThat((List<?>) d.value()).isNotEmpty());

        ErsReferral referral = ((ErsResult.Done<ErsReferral>) ers.client.retrieve(new Ubrn(SandboxReferrals.BOOKED_FOR_REVIEW), app())).value();
        assertThat(referral.attachments()).isNotEmpty();
        ErsResult<AttachmentContent> file = ers.client.attachment(referral.attachments().get(0).binaryId(), app());
        assertThat(file).isInstanceOfSatisfying(ErsResult.Done.class, d -> assertThat(((AttachmentContent) d.value()).bytes()).isNotEmpty());
        assertThat(ers.calls()).extracting(JournalEntry::channel).contains("ers:worklist", "ers:attachment");
    }

    @Test
    void reviewOutcomesAreUserRestrictedAndAppliedOnce() {
        ErsResult<ErsReferral> refused = ers.client.review(new Ubrn(SandboxReferrals.BOOKED_FOR_REVIEW), ReviewOutcome.accept(), app());
        assertThat(refused).isInstanceOfSatisfying(ErsResult.Failed.class, f -> assertThat(f.failure().code()).isEqualTo("USER_RESTRICTED_ONLY"));
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isZero();

        ErsResult<ErsReferral> accepted = ers.client.review(new Ubrn(SandboxReferrals.BOOKED_FOR_REVIEW), ReviewOutcome.accept(), user());
        assertThat(accepted).isInstanceOf(ErsResult.Done.class);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
        JournalEntry review = ers.calls().get(0);
        assertThat(review.channel()).isEqualTo("ers:review");
        assertThat(ErsFixture.response(review).credential()).contains(TestAuth.USER_IDENTITY.describe());

        ErsResult<ErsReferral> rejected = ers.client.review(new Ubrn(SandboxReferrals.BOOKED_FOR_REVIEW_2),
                ReviewOutcome.reject("SERVICE_INAPPROPRIATE", "Wrong clinic"), user());
        assertThat(rejected).isInstanceOfSatisfying(ErsResult.Done.class, d -> assertThat(((ErsReferral) d.value()).state()).contains("REJECTED"));
        assertThat(sim.applied(ErsOperation.REJECT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW_2)).isEqualTo(1);
    }

    @Test
    void aTriageOutcomeIsRecorded() {
        ReviewOutcome outcome = new ReviewOutcome(ReviewOutcome.Kind.RETURN_TO_REFERRER_WITH_ADVICE, Optional.empty(),
                Optional.of("Please refer to dermatology"), Optional.empty());
        ErsResult<ErsReferral> r = ers.client.review(new Ubrn(SandboxReferrals.AWAITING_TRIAGE), outcome, user());
        assertThat(r).isInstanceOfSatisfying(ErsResult.Done.class, d -> assertThat(((ErsReferral) d.value()).state()).contains("TRIAGE_RESPONSE"));
        assertThat(sim.applied(ErsOperation.RECORD_REVIEW_OUTCOME, SandboxReferrals.AWAITING_TRIAGE)).isEqualTo(1);
    }

    @Test
    void aRoleE_RsDoesNotAllowIsRefused403() {
        ers.close();
        ers = fixture(new ErsRole(ErsFixture.SYSTEM, "REFERRING_CLINICIAN", Optional.empty(), Optional.of("R69"), Optional.empty(), Optional.empty()));
        ErsResult<ErsReferral> r = ers.client.review(new Ubrn(SandboxReferrals.BOOKED_FOR_REVIEW), ReviewOutcome.accept(), user());
        assertThat(r).isInstanceOfSatisfying(ErsResult.Refused.class, x -> assertThat(x.status()).isEqualTo(403));
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isZero();
    }

    @Test
    void aReferralIsCreatedByAReferrerOnce() {
        ers.close();
        ers = fixture(new ErsRole(ErsFixture.SYSTEM, "REFERRING_CLINICIAN", Optional.empty(), Optional.of("A12345"), Optional.empty(), Optional.empty()));
        ErsResult<ErsReferral> r = ers.client.create(new NewReferral(NhsNumber.parse("9912003888"), "11002", "URGENT", "CARDIOLOGY"), user());
        assertThat(r).isInstanceOfSatisfying(ErsResult.Done.class, d -> {
            String ubrn = ((ErsReferral) d.value()).referral().ubrn();
            assertThat(sim.referrals().countByUbrn(ubrn)).isEqualTo(1);
        });
        assertThat(sim.referrals().countByNhsNumber("9912003888")).isEqualTo(1);
    }

    @Test
    void a429IsRetriedAfterRetryAfterWithTheSameRequest() {
        sim.faults().failNextRequests(1, 429, OptionalInt.of(1));
        long start = System.nanoTime();
        ErsResult<ErsReferral> r = ers.client.retrieve(new Ubrn(SandboxReferrals.BOOKED_FOR_REVIEW), app());
        assertThat(r).isInstanceOf(ErsResult.Done.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(ErsFixture.response(ers.calls().get(0)).detail()).contains("HTTP 200").contains("2 attempts");
    }

    @Test
    void anAcceptWhoseAnswerWasLostIsAppliedOnce() {
        sim.faults().failMatching("$ers.acceptReferral", 1, 504, OptionalInt.empty(), true);
        ErsResult<ErsReferral> r = ers.client.review(new Ubrn(SandboxReferrals.BOOKED_FOR_REVIEW), ReviewOutcome.accept(), user());
        assertThat(r).isInstanceOf(ErsResult.Done.class);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
        assertThat(ErsFixture.response(ers.calls().get(0)).detail()).contains("$ers.acceptReferral").contains("2 attempts");
    }
}
