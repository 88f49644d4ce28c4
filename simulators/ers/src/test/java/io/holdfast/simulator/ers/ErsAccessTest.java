package io.holdfast.simulator.ers;

import static io.holdfast.simulator.ers.ErsClient.errorCode;
import static io.holdfast.simulator.ers.ErsClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens (401 NO_ACCESS, STU3-Unauthorised.json) and the access modes of e-referrals-service-api.yaml
 * ("Access modes"): application-restricted callers use the read endpoints only, without role headers
 * (BusinessFunctionOnlyUserRestricted.yaml, OdsCodeOnlyUserRestricted.yaml: "Not allowed for application-restricted access").
 */
class ErsAccessTest {
    private static final String REFERRAL = "/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW;
    private ErsSimulator sim;

    @BeforeEach
    void start() {
        sim = ErsSimulator.start(ErsSimulatorConfig.builder().callers(token -> switch (token) {
            case "user-token" -> Optional.of(ErsCaller.userRestricted("trust-app"));
            case "app-token" -> Optional.of(ErsCaller.applicationRestricted("trust-app"));
            default -> Optional.empty();
        }).build());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void aMissingMalformedOrUnknownTokenIsNoAccess() {
        ErsClient client = new ErsClient(sim);
        for (String authorization : new String[] {null, "Basic abc", "Bearer ", "Bearer stolen"}) {
            HttpResponse<String> r = client.with("Authorization", authorization).get(REFERRAL);
            assertThat(r.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(errorCode(r)).isEqualTo("NO_ACCESS");
            assertThat(json(r).path("issue").path(0).path("code").asText()).isEqualTo("login");
            assertThat(json(r).path("meta").path("profile").path(0).asText())
                    .isEqualTo("https://fhir.nhs.uk/STU3/StructureDefinition/eRS-OperationOutcome-1");
        }
    }

    @Test
    void aUserRestrictedTokenIsServed() {
        assertThat(new ErsClient(sim).with("Authorization", "Bearer user-token").get(REFERRAL).statusCode()).isEqualTo(200);
    }

    @Test
    void anApplicationRestrictedCallerReadsReferralsWorklistsAndAttachmentsWithoutRoleHeaders() {
        ErsClient app = new ErsClient(sim).with("Authorization", "Bearer app-token").with("NHSD-eRS-Business-Function", null)
                .with("NHSD-End-User-Organisation-ODS", null);

        assertThat(app.get(REFERRAL).statusCode()).isEqualTo(200);
        assertThat(app.post("/STU3/ReferralRequest/$ers.fetchworklist", ErsClient.worklistBody("REFERRALS_FOR_REVIEW"), Map.of())
                .statusCode()).isEqualTo(200);
        assertThat(app.getBytes("/R4/Binary/" + SandboxReferrals.LETTER_70000).statusCode()).isEqualTo(200);
    }

    @Test
    void anApplicationRestrictedCallerMayNotChangeAReferral() {
        ErsClient app = new ErsClient(sim).with("Authorization", "Bearer app-token").with("NHSD-eRS-Business-Function", null)
                .with("NHSD-End-User-Organisation-ODS", null);

        HttpResponse<String> r = app.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5);
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(errorCode(r)).isEqualTo("FORBIDDEN");
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isZero();
    }

    @Test
    void anApplicationRestrictedCallerMayNotSendRoleHeaders() {
        ErsClient app = new ErsClient(sim).with("Authorization", "Bearer app-token");

        HttpResponse<String> r = app.get(REFERRAL);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorCode(r)).isEqualTo("INVALID_VALUE");
    }

    @Test
    void anOpenSimulatorNeedsNoTokenButRefusesAMalformedAuthorizationHeader() {
        try (ErsSimulator open = ErsSimulator.start(ErsSimulatorConfig.defaults())) {
            ErsClient client = new ErsClient(open);
            assertThat(client.get(REFERRAL).statusCode()).isEqualTo(200);
            assertThat(client.with("Authorization", "Basic abc").get(REFERRAL).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aPathOutsideTheApiIsNotFoundAndAWrongMethodNotAllowed() {
        ErsClient client = new ErsClient(sim).with("Authorization", "Bearer user-token");

        HttpResponse<String> unknown = client.get("/STU3/Patient/9000000009");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(errorCode(unknown)).isEqualTo("NOT_FOUND");
        HttpResponse<String> wrongMethod = client.get("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.acceptReferral");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
    }

    @Test
    void aBodyAboveTheCapIsRefusedWith413() {
        try (ErsSimulator small = ErsSimulator.start(ErsSimulatorConfig.builder().maxBodyBytes(1024).build())) {
            HttpResponse<String> r = new ErsClient(small).post("/STU3/ReferralRequest/$ers.createReferral", "x".repeat(2048),
                    Map.of("NHSD-eRS-Business-Function", "REFERRING_CLINICIAN"));
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(small.referrals().appliedCount(ErsOperation.CREATE_REFERRAL)).isZero();
        }
    }
}
