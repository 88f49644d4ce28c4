package io.holdfast.simulator.ers;

import static io.holdfast.simulator.ers.ErsClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider's review actions: If-Match (IfMatch.yaml, PreconditionFailed.yaml 412, Conflict.yaml 409), the state
 * each action needs (a013/a014: booked referrals awaiting review only; a028: triage or deferred referrals awaiting
 * review; 422 INVALID_REQUEST_STATE) and the Parameters they take (422 MISSING_VALUE / INVALID_CODE,
 * UnsupportedMediaType.yaml 415).
 */
class ErsReviewRulesTest {
    private static final String BASE = "/STU3/ReferralRequest/";
    private ErsSimulator sim;
    private ErsClient client;

    @BeforeEach
    void start() {
        sim = ErsSimulator.start(ErsSimulatorConfig.defaults());
        client = new ErsClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private HttpResponse<String> review(String ubrn, String version, String body) {
        return client.post(BASE + ubrn + "/$ers.recordReviewOutcome", body, Map.of("If-Match", version));
    }

    @Test
    void aMissingIfMatchIsPreconditionFailedAndAMalformedOneInvalidValue() {
        HttpResponse<String> missing = client.post(BASE + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.acceptReferral", "", Map.of());
        HttpResponse<String> malformed = client.post(BASE + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.acceptReferral", "",
                Map.of("If-Match", "5"));

        assertThat(missing.statusCode()).isEqualTo(412);
        assertThat(errorCode(missing)).isEqualTo("MISSING_VALUE");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(errorCode(malformed)).isEqualTo("INVALID_VALUE");
    }

    @Test
    void aStaleVersionIsConflictAndNothingIsApplied() {
        HttpResponse<String> r = client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 4);

        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(errorCode(r)).isEqualTo("CONFLICT");
        assertThat(sim.referrals().get(SandboxReferrals.BOOKED_FOR_REVIEW).orElseThrow().version()).isEqualTo(5);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isZero();
    }

    @Test
    void acceptingATriageReferralARejectedOneOrAnAlreadyAcceptedOneIsInvalidRequestState() {
        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5).statusCode()).isEqualTo(200);

        for (var c : new Object[][] {{SandboxReferrals.AWAITING_TRIAGE, 7}, {SandboxReferrals.REJECTED, 6},
                {SandboxReferrals.BOOKED_FOR_REVIEW, 6}}) {
            HttpResponse<String> r = client.accept((String) c[0], (Integer) c[1]);
            assertThat(r.statusCode()).as((String) c[0]).isEqualTo(422);
            assertThat(errorCode(r)).isEqualTo("INVALID_REQUEST_STATE");
        }
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
    }

    @Test
    void aTriageOutcomeOnABookedReferralIsInvalidRequestStateButOnADeferredOneIsRecorded() {
        HttpResponse<String> booked = review(SandboxReferrals.BOOKED_FOR_REVIEW, "W/\"5\"",
                ErsClient.reviewOutcomeBody("RETURN_TO_REFERRER_WITH_ADVICE", "See GP"));
        HttpResponse<String> deferred = review(SandboxReferrals.DEFERRED_TO_PROVIDER, "W/\"5\"",
                ErsClient.reviewOutcomeBody("RETURN_TO_REFERRER_WITH_ADVICE", "Manage in primary care"));

        assertThat(booked.statusCode()).isEqualTo(422);
        assertThat(errorCode(booked)).isEqualTo("INVALID_REQUEST_STATE");
        assertThat(deferred.statusCode()).isEqualTo(200);
        assertThat(sim.referrals().get(SandboxReferrals.DEFERRED_TO_PROVIDER).orElseThrow().state()).isEqualTo(ReferralState.TRIAGE_RESPONSE);
    }

    @Test
    void aSecondTriageOutcomeIsInvalidRequestState() {
        assertThat(review(SandboxReferrals.AWAITING_TRIAGE, "W/\"7\"", ErsClient.reviewOutcomeBody("ACCEPT_REFER_BOOK_LATER", "ok"))
                .statusCode()).isEqualTo(200);

        HttpResponse<String> again = review(SandboxReferrals.AWAITING_TRIAGE, "W/\"8\"",
                ErsClient.reviewOutcomeBody("RETURN_TO_REFERRER_WITH_ADVICE", "changed my mind"));
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(errorCode(again)).isEqualTo("INVALID_REQUEST_STATE");
    }

    @Test
    void anUnsupportedOutcomeIsInvalidCodeAndAMissingCommentMissingValue() {
        HttpResponse<String> bookNow = review(SandboxReferrals.AWAITING_TRIAGE, "W/\"7\"", ErsClient.reviewOutcomeBody("REFER_BOOK_NOW", "x"));
        HttpResponse<String> noComment = review(SandboxReferrals.AWAITING_TRIAGE, "W/\"7\"",
                ErsClient.reviewOutcomeBody("ACCEPT_REFER_BOOK_LATER", " "));

        assertThat(bookNow.statusCode()).isEqualTo(422);
        assertThat(errorCode(bookNow)).isEqualTo("INVALID_CODE");
        assertThat(noComment.statusCode()).isEqualTo(422);
        assertThat(errorCode(noComment)).isEqualTo("MISSING_VALUE");
        assertThat(sim.referrals().get(SandboxReferrals.AWAITING_TRIAGE).orElseThrow().version()).isEqualTo(7);
    }

    @Test
    void aRejectionWithoutAReasonOrCommentIsMissingValue() {
        String noReason = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"rejectionComments\",\"valueString\":\"x\"}]}";
        HttpResponse<String> r1 = client.post(BASE + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.rejectReferral", noReason,
                Map.of("If-Match", "W/\"5\""));
        HttpResponse<String> r2 = client.post(BASE + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.rejectReferral", ErsClient.rejectBody(""),
                Map.of("If-Match", "W/\"5\""));

        assertThat(r1.statusCode()).isEqualTo(422);
        assertThat(errorCode(r1)).isEqualTo("MISSING_VALUE");
        assertThat(r2.statusCode()).isEqualTo(422);
        assertThat(errorCode(r2)).isEqualTo("MISSING_VALUE");
    }

    @Test
    void aBodyThatIsNotFhirJsonIsUnsupportedMediaTypeAndNotJsonInvalidValue() {
        HttpResponse<String> xml = client.post(BASE + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.rejectReferral", ErsClient.rejectBody("x"),
                Map.of("If-Match", "W/\"5\"", "Content-Type", "application/xml"));
        HttpResponse<String> garbage = client.post(BASE + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.rejectReferral", "{not json",
                Map.of("If-Match", "W/\"5\""));
        HttpResponse<String> notParameters = client.post(BASE + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.rejectReferral",
                "{\"resourceType\":\"Patient\"}", Map.of("If-Match", "W/\"5\""));

        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(errorCode(garbage)).isEqualTo("INVALID_VALUE");
        assertThat(notParameters.statusCode()).isEqualTo(422);
        assertThat(errorCode(notParameters)).isEqualTo("INVALID_VALUE");
    }

    @Test
    void anActionOnAnUnknownUbrnIsNotFound() {
        HttpResponse<String> r = client.accept("000000099999", 1);

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(errorCode(r)).isEqualTo("NOT_FOUND");
    }

    @Test
    void concurrentAcceptsOfTheSameVersionApplyExactlyOnce() {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = java.util.stream.IntStream.range(0, 16).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5).statusCode(), pool)).toList();
            List<Integer> statuses = calls.stream().map(CompletableFuture::join).toList();

            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 200).containsOnly(409);
            assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
