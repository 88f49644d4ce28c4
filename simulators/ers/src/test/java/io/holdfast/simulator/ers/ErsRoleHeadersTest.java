package io.holdfast.simulator.ers;

import static io.holdfast.simulator.ers.ErsClient.errorCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Role headers of user-restricted access: NHSD-eRS-Business-Function (BusinessFunction.yaml: required; the endpoint
 * files' "Pre-requisites" say which roles may call each endpoint, Forbidden.yaml: 403 FORBIDDEN),
 * NHSD-eRS-On-Behalf-Of-User-ID (OnBehalfOfUserID.yaml: only a Service Provider Clinician Admin, and then required —
 * the published sandbox's validateBusinessFunction) and NHSD-End-User-Organisation-ODS (OdsCodeOnlyUserRestricted.yaml).
 */
class ErsRoleHeadersTest {
    private static final String REFERRAL = "/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW;
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
    void aMissingBusinessFunctionIsMissingValueAndAnUnknownOneInvalidValue() {
        HttpResponse<String> missing = client.with("NHSD-eRS-Business-Function", null).get(REFERRAL);
        HttpResponse<String> unknown = client.with("NHSD-eRS-Business-Function", "CONSULTANT").get(REFERRAL);

        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(errorCode(missing)).isEqualTo("MISSING_VALUE");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(errorCode(unknown)).isEqualTo("INVALID_VALUE");
    }

    @Test
    void aMissingOrganisationIsMissingValue() {
        HttpResponse<String> r = client.with("NHSD-End-User-Organisation-ODS", null).get(REFERRAL);

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(errorCode(r)).isEqualTo("MISSING_VALUE");
    }

    @Test
    void aReferrerMayNotAcceptAReferralAndNothingIsApplied() {
        HttpResponse<String> r = client.with("NHSD-eRS-Business-Function", "REFERRING_CLINICIAN").accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(errorCode(r)).isEqualTo("FORBIDDEN");
        assertThat(ErsClient.json(r).path("issue").path(0).path("diagnostics").asText()).contains("A013").contains("SERVICE_PROVIDER_CLINICIAN");
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isZero();
    }

    @Test
    void aProviderAdminMayReadTheWorklistButNotRetrieveOrReviewAReferral() {
        client.with("NHSD-eRS-Business-Function", "SERVICE_PROVIDER_ADMIN");

        assertThat(client.post("/STU3/ReferralRequest/$ers.fetchworklist", ErsClient.worklistBody("REFERRALS_FOR_REVIEW"), Map.of())
                .statusCode()).isEqualTo(200);
        assertThat(client.get(REFERRAL).statusCode()).isEqualTo(403);
        assertThat(client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5).statusCode()).isEqualTo(403);
    }

    @Test
    void aProviderClinicianMayNotCreateAReferral() {
        HttpResponse<String> r = client.post("/STU3/ReferralRequest/$ers.createReferral",
                ErsClient.createBody("9449305552", "11002", "ROUTINE"), Map.of());

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(sim.referrals().countByNhsNumber("9449305552")).isZero();
    }

    @Test
    void aProviderClinicianAdminMustActOnBehalfOfAClinician() {
        client.with("NHSD-eRS-Business-Function", "SERVICE_PROVIDER_CLINICIAN_ADMIN");

        HttpResponse<String> without = client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5);
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(errorCode(without)).isEqualTo("FORBIDDEN");
        HttpResponse<String> malformed = client.with("NHSD-eRS-On-Behalf-Of-User-ID", "dr-smith").accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(errorCode(malformed)).isEqualTo("INVALID_VALUE");
        HttpResponse<String> with = client.with("NHSD-eRS-On-Behalf-Of-User-ID", "021600556514").accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5);
        assertThat(with.statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAProviderClinicianAdminMaySendAnOnBehalfOfUser() {
        HttpResponse<String> r = client.with("NHSD-eRS-On-Behalf-Of-User-ID", "021600556514").get(REFERRAL);

        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(errorCode(r)).isEqualTo("FORBIDDEN");
    }
}
