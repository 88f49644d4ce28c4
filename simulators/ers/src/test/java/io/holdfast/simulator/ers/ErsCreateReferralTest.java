package io.holdfast.simulator.ers;

import static io.holdfast.simulator.ers.ErsClient.errorCode;
import static io.holdfast.simulator.ers.ErsClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A011 {@code $ers.createReferral} and A021 {@code $ers.createReferralAndSendForTriage} (FHIR STU3; request shape of
 * createReferral/requests/MinimalRequest.json, 201 with the ReferralRequest and its ETag as createReferral/201Response.yaml),
 * their validation (CreateReferralErrorOutcome.yaml) and the duplicate check by natural key.
 */
class ErsCreateReferralTest {
    private static final String CREATE = "/STU3/ReferralRequest/$ers.createReferral";
    private static final String CREATE_TRIAGE = "/STU3/ReferralRequest/$ers.createReferralAndSendForTriage";
    private static final Map<String, String> REFERRER = Map.of("NHSD-eRS-Business-Function", "REFERRING_CLINICIAN");
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

    @Test
    void aCreatedReferralGetsANewUbrnVersion1AndIsNotBooked() {
        HttpResponse<String> r = client.post(CREATE, ErsClient.createBody("9449305552", "11002", "URGENT"), REFERRER);

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(r.headers().firstValue("ETag")).contains("W/\"1\"");
        JsonNode rr = json(r);
        assertThat(rr.path("id").asText()).matches("[0-9]{12}").isEqualTo("000000090000");
        assertThat(rr.path("extension").findValues("code")).extracting(JsonNode::asText).contains("NOT_BOOKED", "URGENT");
        assertThat(client.get("/STU3/ReferralRequest/000000090000").statusCode()).isEqualTo(200);
        assertThat(sim.applied(ErsOperation.CREATE_REFERRAL, "000000090000")).isEqualTo(1);
    }

    @Test
    void aReferralSentForTriageAppearsOnTheProvidersWorklist() {
        HttpResponse<String> r = client.post(CREATE_TRIAGE, ErsClient.createBody("9449305552", "11012", "ROUTINE"),
                Map.of("NHSD-eRS-Business-Function", "REFERRING_CLINICIAN_ADMIN"));

        assertThat(r.statusCode()).isEqualTo(201);
        String ubrn = json(r).path("id").asText();
        HttpResponse<String> worklist = client.post("/STU3/ReferralRequest/$ers.fetchworklist", ErsClient.worklistBody("REFERRALS_FOR_REVIEW"),
                Map.of());
        assertThat(json(worklist).findValues("reference")).extracting(JsonNode::asText).contains("ReferralRequest/" + ubrn);
        assertThat(sim.referrals().get(ubrn).orElseThrow().state()).isEqualTo(ReferralState.AWAITING_TRIAGE);
    }

    @Test
    void theSameReferralCreatedTwiceIsADuplicateNamingTheFirstAndOneIsStored() {
        String body = ErsClient.createBody("9449305552", "11002", "ROUTINE");
        String first = json(client.post(CREATE, body, REFERRER)).path("id").asText();

        HttpResponse<String> again = client.post(CREATE, body, REFERRER);

        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(errorCode(again)).isEqualTo("INAPPROPRIATE_VALUE");
        JsonNode issue = json(again).path("issue").path(0);
        assertThat(issue.path("code").asText()).isEqualTo("duplicate");
        assertThat(issue.path("diagnostics").asText()).contains("referral " + first + " already exists");
        assertThat(sim.referrals().countByNhsNumber("9449305552")).isEqualTo(1);
        assertThat(sim.referrals().appliedCount(ErsOperation.CREATE_REFERRAL)).isEqualTo(1);
    }

    @Test
    void aDifferentServiceOrPatientIsANewReferral() {
        assertThat(client.post(CREATE, ErsClient.createBody("9449305552", "11002", "ROUTINE"), REFERRER).statusCode()).isEqualTo(201);
        assertThat(client.post(CREATE, ErsClient.createBody("9449305552", "11003", "ROUTINE"), REFERRER).statusCode()).isEqualTo(201);
        assertThat(client.post(CREATE, ErsClient.createBody("9449306613", "11002", "ROUTINE"), REFERRER).statusCode()).isEqualTo(201);
        assertThat(sim.referrals().appliedCount(ErsOperation.CREATE_REFERRAL)).isEqualTo(3);
    }

    @Test
    void aRejectedReferralMayBeReferredAgainButAnOpenOneMayNot() {
        Referral rejected = sim.referrals().get(SandboxReferrals.REJECTED).orElseThrow();
        HttpResponse<String> again = client.post(CREATE, ErsClient.createBody(rejected.nhsNumber(), rejected.serviceId(), "ROUTINE",
                rejected.specialty()), REFERRER);
        Referral open = sim.referrals().get(SandboxReferrals.BOOKED_FOR_REVIEW).orElseThrow();
        HttpResponse<String> duplicate = client.post(CREATE, ErsClient.createBody(open.nhsNumber(), open.serviceId(), "ROUTINE",
                open.specialty()), REFERRER);

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(duplicate.statusCode()).isEqualTo(422);
        assertThat(json(duplicate).path("issue").path(0).path("diagnostics").asText()).contains(SandboxReferrals.BOOKED_FOR_REVIEW);
    }

    @Test
    void validationErrorsUseThePublishedCodes() {
        HttpResponse<String> badNhs = client.post(CREATE, ErsClient.createBody("12345", "11002", "ROUTINE"), REFERRER);
        HttpResponse<String> badPriority = client.post(CREATE, ErsClient.createBody("9449305552", "11002", "SOON"), REFERRER);
        HttpResponse<String> noPatient = client.post(CREATE, "{\"resourceType\":\"Parameters\",\"parameter\":[]}", REFERRER);

        assertThat(badNhs.statusCode()).isEqualTo(422);
        assertThat(errorCode(badNhs)).isEqualTo("INVALID_VALUE");
        assertThat(badPriority.statusCode()).isEqualTo(422);
        assertThat(errorCode(badPriority)).isEqualTo("INVALID_CODE");
        assertThat(noPatient.statusCode()).isEqualTo(422);
        assertThat(errorCode(noPatient)).isEqualTo("MISSING_VALUE");
        assertThat(sim.referrals().appliedCount(ErsOperation.CREATE_REFERRAL)).isZero();
    }
}
