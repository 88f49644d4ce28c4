package io.holdfast.simulator.ers;

import static io.holdfast.simulator.ers.ErsClient.errorCode;
import static io.holdfast.simulator.ers.ErsClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * X-Request-ID: required (a UUID), mirrored, and de-duplicated per application, so an operation whose answer was lost
 * (GatewayTimeout.yaml, rejectReferral/504Response.yaml: "retry at a later time") is applied once when resent.
 */
class ErsRequestIdTest {
    private static final String ACCEPT = "/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.acceptReferral";
    private ErsSimulator sim;
    private ErsClient client;

    @BeforeEach
    void start() {
        sim = ErsSimulator.start(ErsSimulatorConfig.builder().callers(token -> Optional.of(ErsCaller.userRestricted(token))).build());
        client = new ErsClient(sim).with("Authorization", "Bearer app-a");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aMissingRequestIdIsMissingValueAndANonUuidInvalidValue() {
        HttpResponse<String> missing = client.get("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW, Map.of());
        HttpResponse<String> invalid = client.get("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW,
                Map.of("X-Request-ID", "not-a-uuid"));

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(errorCode(missing)).isEqualTo("MISSING_VALUE");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(errorCode(invalid)).isEqualTo("INVALID_VALUE");
    }

    @Test
    void withoutRequireRequestIdARequestWithoutOneIsServedButNeverDeduplicated() {
        try (ErsSimulator lax = ErsSimulator.start(ErsSimulatorConfig.builder().requireRequestId(false).build())) {
            ErsClient c = new ErsClient(lax);
            assertThat(c.get("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW, Map.of()).statusCode()).isEqualTo(200);
            assertThat(c.get("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW, Map.of("X-Request-ID", "x")).statusCode())
                    .isEqualTo(400);
        }
    }

    @Test
    void requestAndCorrelationIdsAreMirroredOnSuccessAndError() {
        String id = ErsClient.newRequestId();
        HttpResponse<String> ok = client.get("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW,
                Map.of("X-Request-ID", id, "X-Correlation-ID", "corr-1"));
        HttpResponse<String> error = client.get("/STU3/ReferralRequest/000000099999",
                Map.of("X-Request-ID", ErsClient.newRequestId(), "X-Correlation-ID", "corr-2"));

        assertThat(ok.headers().firstValue("X-Request-ID")).contains(id);
        assertThat(ok.headers().firstValue("X-Correlation-ID")).contains("corr-1");
        assertThat(error.headers().firstValue("X-Correlation-ID")).contains("corr-2");
    }

    @Test
    void aResentAcceptGetsTheRememberedAnswerAndIsAppliedOnce() {
        String id = ErsClient.newRequestId();
        HttpResponse<String> first = client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id);
        HttpResponse<String> resent = client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).isEqualTo(first.body());
        assertThat(resent.headers().firstValue("ETag")).contains("W/\"6\"");
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
        HttpResponse<String> newId = client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, ErsClient.newRequestId());
        assertThat(newId.statusCode()).as("without the same X-Request-ID the stale version is refused").isEqualTo(409);
    }

    @Test
    void anAcceptWhoseAnswerWasLostIn504IsAppliedAndTheResendGetsTheRealAnswer() {
        sim.faults().failNextRequestsAfterCommit(1, 504);
        String id = ErsClient.newRequestId();

        HttpResponse<String> lost = client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id);
        assertThat(lost.statusCode()).isEqualTo(504);
        assertThat(errorCode(lost)).isEqualTo("GATEWAY_TIMEOUT");
        assertThat(sim.referrals().get(SandboxReferrals.BOOKED_FOR_REVIEW).orElseThrow().version()).as("applied before the 504").isEqualTo(6);

        HttpResponse<String> resent = client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.headers().firstValue("ETag")).contains("W/\"6\"");
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
    }

    @Test
    void aCreationWhoseAnswerWasLostIn504StoresOneReferralAndTheResendGetsItsUbrn() {
        sim.faults().failNextRequestsAfterCommit(1, 504);
        String id = ErsClient.newRequestId();
        String body = ErsClient.createBody("9449305552", "11002", "ROUTINE");
        Map<String, String> rc = Map.of("X-Request-ID", id, "NHSD-eRS-Business-Function", "REFERRING_CLINICIAN");

        assertThat(client.post("/STU3/ReferralRequest/$ers.createReferral", body, rc).statusCode()).isEqualTo(504);
        HttpResponse<String> resent = client.post("/STU3/ReferralRequest/$ers.createReferral", body, rc);

        assertThat(resent.statusCode()).isEqualTo(201);
        String ubrn = json(resent).path("id").asText();
        assertThat(ubrn).isEqualTo("000000090000");
        assertThat(sim.referrals().countByUbrn(ubrn)).isEqualTo(1);
        assertThat(sim.referrals().countByNhsNumber("9449305552")).isEqualTo(1);
        assertThat(sim.applied(ErsOperation.CREATE_REFERRAL, ubrn)).isEqualTo(1);
        assertThat(sim.referrals().appliedCount(ErsOperation.CREATE_REFERRAL)).isEqualTo(1);
    }

    @Test
    void aRequestFailedBeforeBeingAppliedIsAppliedWhenResent() {
        sim.faults().failNextRequests(1, 503, OptionalInt.of(1));
        String id = ErsClient.newRequestId();

        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id).statusCode()).isEqualTo(503);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isZero();
        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id).statusCode()).isEqualTo(200);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
    }

    @Test
    void aRefusalBeforeTheOperationIsNotRememberedSoTheCorrectedResendIsApplied() {
        String id = ErsClient.newRequestId();
        HttpResponse<String> wrongRole = client.post(ACCEPT, "", Map.of("X-Request-ID", id, "If-Match", "W/\"5\"",
                "NHSD-eRS-Business-Function", "REFERRING_CLINICIAN"));
        assertThat(wrongRole.statusCode()).isEqualTo(403);

        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id).statusCode()).isEqualTo(200);
    }

    @Test
    void aReusedIdOnADifferentRequestIsProcessedAsNew() {
        String id = ErsClient.newRequestId();
        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id).statusCode()).isEqualTo(200);

        HttpResponse<String> other = client.accept(SandboxReferrals.BOOKED_FOR_REVIEW_2, 12, id);
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(json(other).path("id").asText()).isEqualTo(SandboxReferrals.BOOKED_FOR_REVIEW_2);
    }

    @Test
    void anotherApplicationsSameIdIsNotAnsweredFromThisApplicationsMemory() {
        String id = ErsClient.newRequestId();
        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id).statusCode()).isEqualTo(200);

        ErsClient other = new ErsClient(sim).with("Authorization", "Bearer app-b");
        assertThat(other.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5, id).statusCode()).isEqualTo(409);
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
    }
}
