package io.holdfast.simulator.ers;

import static io.holdfast.simulator.ers.ErsClient.errorCode;
import static io.holdfast.simulator.ers.ErsClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider Trust's flow: the 'Referrals for Review' worklist (a008-retrieve-worklist.yaml), a referral by UBRN
 * with its ETag (a005-retrieve-referral-request.yaml), its attachments (a006/a042), then accept (a013), reject (a014)
 * or a triage outcome (a028).
 */
class ErsReferralFlowTest {
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
    void theReferralsForReviewWorklistListsBookedAndTriageReferralsAwaitingReviewWithTheirVersions() {
        HttpResponse<String> r = client.post("/STU3/ReferralRequest/$ers.fetchworklist", ErsClient.worklistBody("REFERRALS_FOR_REVIEW"), Map.of());

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = json(r);
        assertThat(list.path("resourceType").asText()).isEqualTo("List");
        List<String> items = new ArrayList<>();
        list.path("entry").forEach(e -> items.add(e.path("item").path("reference").asText()));
        assertThat(items).containsExactly("ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW,
                "ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW_2, "ReferralRequest/" + SandboxReferrals.AWAITING_TRIAGE);
        assertThat(list.path("entry").path(0).path("extension").path(0).path("extension").findValues("valueInteger"))
                .extracting(JsonNode::asInt).containsExactly(5);
    }

    @Test
    void appointmentSlotIssuesListsTheDeferredReferral() {
        HttpResponse<String> r = client.post("/STU3/ReferralRequest/$ers.fetchworklist", ErsClient.worklistBody("APPOINTMENT_SLOT_ISSUES"),
                Map.of());

        assertThat(json(r).path("entry").findValues("reference")).extracting(JsonNode::asText)
                .contains("ReferralRequest/" + SandboxReferrals.DEFERRED_TO_PROVIDER);
    }

    @Test
    void aWorklistRequestWithAnUnknownListTypeIsInvalidCodeAndWithoutOneMissingValue() {
        HttpResponse<String> unknown = client.post("/STU3/ReferralRequest/$ers.fetchworklist", ErsClient.worklistBody("NO_SUCH_LIST"), Map.of());
        HttpResponse<String> none = client.post("/STU3/ReferralRequest/$ers.fetchworklist", "{\"resourceType\":\"Parameters\"}", Map.of());

        assertThat(unknown.statusCode()).isEqualTo(422);
        assertThat(errorCode(unknown)).isEqualTo("INVALID_CODE");
        assertThat(none.statusCode()).isEqualTo(422);
        assertThat(errorCode(none)).isEqualTo("MISSING_VALUE");
    }

    @Test
    void aReferralIsRetrievedByUbrnWithItsVersionAsETagAndItsAttachmentsAsBinaryUrls() {
        HttpResponse<String> r = client.get("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW_2);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).contains("W/\"12\"");
        assertThat(r.headers().firstValue("Content-Type")).contains("application/fhir+json");
        JsonNode rr = json(r);
        assertThat(rr.path("resourceType").asText()).isEqualTo("ReferralRequest");
        assertThat(rr.path("id").asText()).isEqualTo(SandboxReferrals.BOOKED_FOR_REVIEW_2);
        assertThat(rr.path("meta").path("versionId").asText()).isEqualTo("12");
        assertThat(rr.path("subject").path("identifier").path("value").asText()).isEqualTo("9000000025");
        assertThat(rr.path("contained").findValues("url")).extracting(JsonNode::asText)
                .contains("Binary/" + SandboxReferrals.LETTER_70001, "Binary/" + SandboxReferrals.RESULTS_70001);
    }

    @Test
    void theVersionedRetrieveServesOnlyTheCurrentVersion() {
        assertThat(client.get("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW + "/_history/5").statusCode()).isEqualTo(200);
        HttpResponse<String> old = client.get("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW + "/_history/4");
        assertThat(old.statusCode()).isEqualTo(404);
        assertThat(errorCode(old)).isEqualTo("NOT_FOUND");
    }

    @Test
    void anUnknownUbrnIsNotFound() {
        HttpResponse<String> r = client.get("/STU3/ReferralRequest/000000099999");

        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(errorCode(r)).isEqualTo("NOT_FOUND");
    }

    @Test
    void anAttachmentIsServedAsItsFileOnTheStu3AndR4Paths() {
        HttpResponse<byte[]> stu3 = client.getBytes("/STU3/Binary/" + SandboxReferrals.RESULTS_70001);
        HttpResponse<byte[]> r4 = client.getBytes("/R4/Binary/" + SandboxReferrals.RESULTS_70001);

        assertThat(stu3.statusCode()).isEqualTo(200);
        assertThat(stu3.headers().firstValue("Content-Type")).contains("application/pdf");
        assertThat(stu3.headers().firstValue("Content-Disposition")).contains("attachment; filename=\"ecg-results.pdf\"");
        assertThat(new String(stu3.body())).startsWith("%PDF-1.4");
        assertThat(r4.body()).isEqualTo(stu3.body());
        assertThat(client.get("/STU3/Binary/00000000-0000-0000-0000-000000000000").statusCode()).isEqualTo(404);
    }

    @Test
    void acceptingABookedReferralBumpsItsVersionAndTakesItOffTheWorklist() {
        HttpResponse<String> r = client.accept(SandboxReferrals.BOOKED_FOR_REVIEW, 5);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).contains("W/\"6\"");
        assertThat(json(r).path("extension").findValues("code")).extracting(JsonNode::asText).contains("BOOKED");
        assertThat(sim.applied(ErsOperation.ACCEPT_REFERRAL, SandboxReferrals.BOOKED_FOR_REVIEW)).isEqualTo(1);
        HttpResponse<String> worklist = client.post("/STU3/ReferralRequest/$ers.fetchworklist",
                ErsClient.worklistBody("REFERRALS_FOR_REVIEW"), Map.of());
        assertThat(json(worklist).findValues("reference")).extracting(JsonNode::asText)
                .doesNotContain("ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW);
    }

    @Test
    void rejectingABookedReferralReturnsItToTheReferrerWithTheComment() {
        HttpResponse<String> r = client.post("/STU3/ReferralRequest/" + SandboxReferrals.BOOKED_FOR_REVIEW + "/$ers.rejectReferral",
                ErsClient.rejectBody("Not appropriate for this clinic"), Map.of("If-Match", "W/\"5\""));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(sim.referrals().get(SandboxReferrals.BOOKED_FOR_REVIEW).orElseThrow().state()).isEqualTo(ReferralState.REJECTED);
        assertThat(json(r).path("extension").findValues("valueString")).extracting(JsonNode::asText).contains("Not appropriate for this clinic");
    }

    @Test
    void aTriageOutcomeMovesATriageReferralOn() {
        HttpResponse<String> r = client.post("/STU3/ReferralRequest/" + SandboxReferrals.AWAITING_TRIAGE + "/$ers.recordReviewOutcome",
                ErsClient.reviewOutcomeBody("ACCEPT_REFER_BOOK_LATER", "Book into the heart failure clinic"), Map.of("If-Match", "W/\"7\""));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).contains("W/\"8\"");
        assertThat(sim.referrals().get(SandboxReferrals.AWAITING_TRIAGE).orElseThrow().state())
                .isEqualTo(ReferralState.TRIAGED_PROVIDER_TO_ACTION);
        assertThat(sim.applied(ErsOperation.RECORD_REVIEW_OUTCOME, SandboxReferrals.AWAITING_TRIAGE)).isEqualTo(1);
    }
}
