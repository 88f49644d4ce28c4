package io.holdfast.simulator.pds;

import static io.holdfast.simulator.pds.PdsClient.diagnostics;
import static io.holdfast.simulator.pds.PdsClient.json;
import static io.holdfast.simulator.pds.PdsClient.spineCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PATCH /Patient/{id}, written from specification/components/paths/patient-patch.yaml and its sandbox scenarios. */
class PdsUpdateTest {
    private static final String GENDER_MALE = "{\"patches\":[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]}";
    private PdsSimulator sim;
    private PdsClient client;

    @BeforeEach
    void start() {
        sim = PdsSimulator.builder().rateLimitPerSecond(0).start();
        client = new PdsClient(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void successfulUpdateReturnsThePatientWithTheNextVersion() {
        HttpResponse<String> r = client.patch("9000000009", "W/\"2\"", GENDER_MALE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("ETag")).contains("W/\"3\"");
        assertThat(json(r).path("meta").path("versionId").asText()).isEqualTo("3");
        assertThat(json(r).path("gender").asText()).isEqualTo("male");
        HttpResponse<String> read = client.get("/Patient/9000000009");
        assertThat(json(read).path("gender").asText()).isEqualTo("male");
        assertThat(read.headers().firstValue("ETag")).contains("W/\"3\"");
    }

    @Test
    void staleVersionIs409ResourceVersionMismatchAndNothingChanges() {
        HttpResponse<String> r = client.patch("9000000009", "W/\"1\"", GENDER_MALE);
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(spineCode(r)).isEqualTo("RESOURCE_VERSION_MISMATCH");
        assertThat(json(client.get("/Patient/9000000009")).path("gender").asText()).isEqualTo("female");
    }

    @Test
    void missingOrMalformedIfMatchIs412PreconditionFailed() {
        Map<String, String> h = new LinkedHashMap<>(PdsClient.requestId());
        h.put("Content-Type", "application/json-patch+json");
        HttpResponse<String> missing = client.patch("9000000009", h, GENDER_MALE);
        assertThat(missing.statusCode()).isEqualTo(412);
        assertThat(spineCode(missing)).isEqualTo("PRECONDITION_FAILED");
        assertThat(diagnostics(missing)).isEqualTo(PatientEndpoints.NO_IF_MATCH);
        assertThat(client.patch("9000000009", "2", GENDER_MALE).statusCode()).isEqualTo(412);
    }

    @Test
    void wrongContentTypeIs400UnsupportedService() {
        Map<String, String> h = new LinkedHashMap<>(PdsClient.requestId());
        h.put("If-Match", "W/\"2\"");
        h.put("Content-Type", "text/plain");
        HttpResponse<String> r = client.patch("9000000009", h, GENDER_MALE);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(spineCode(r)).isEqualTo("UNSUPPORTED_SERVICE");
    }

    @Test
    void bodyWithoutPatchesIs400InvalidUpdate() {
        for (String body : new String[] {"{}", "{\"patches\":[]}", "not json", "[{\"op\":\"add\"}]"}) {
            HttpResponse<String> r = client.patch("9000000009", "W/\"2\"", body);
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(spineCode(r)).isEqualTo("INVALID_UPDATE");
            assertThat(diagnostics(r)).isEqualTo("Invalid update with error - No patches found");
        }
    }

    @Test
    void unknownOperationIs400InvalidValue() {
        HttpResponse<String> r = client.patch("9000000009", "W/\"2\"",
                "{\"patches\":[{\"op\":\"move\",\"from\":\"/gender\",\"path\":\"/gender\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(spineCode(r)).isEqualTo("INVALID_VALUE");
        assertThat(diagnostics(r)).isEqualTo("Invalid value - 'move' in field '0/op'");
    }

    @Test
    void fieldsPdsDoesNotUpdateAre400InvalidUpdate() {
        for (String path : new String[] {"/pets", "/id", "/meta/versionId", "/identifier/0/value"}) {
            HttpResponse<String> r = client.patch("9000000009", "W/\"2\"",
                    "{\"patches\":[{\"op\":\"add\",\"path\":\"" + path + "\",\"value\":\"x\"}]}");
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(spineCode(r)).isEqualTo("INVALID_UPDATE");
        }
    }

    @Test
    void newListItemsMustBeAddedAtDashAndGetAServerId() {
        HttpResponse<String> indexed = client.patch("9000000009", "W/\"2\"",
                "{\"patches\":[{\"op\":\"add\",\"path\":\"/name/0\",\"value\":{\"use\":\"nickname\",\"family\":\"Smith\"}}]}");
        assertThat(spineCode(indexed)).isEqualTo("INVALID_UPDATE");
        HttpResponse<String> r = client.patch("9000000033", "W/\"2\"",
                "{\"patches\":[{\"op\":\"add\",\"path\":\"/name/-\",\"value\":{\"use\":\"usual\",\"given\":[\"Joe\"],\"family\":\"Bloggs\"}}]}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("name").path(0).path("family").asText()).isEqualTo("Bloggs");
        assertThat(json(r).path("name").path(0).path("id").asText()).isNotBlank();
    }

    @Test
    void removingAListItemNeedsAnImmediatelyPrecedingTest() {
        HttpResponse<String> untested = client.patch("9000000009", "W/\"2\"", "{\"patches\":[{\"op\":\"remove\",\"path\":\"/name/1\"}]}");
        assertThat(spineCode(untested)).isEqualTo("INVALID_UPDATE");
        HttpResponse<String> tested = client.patch("9000000009", "W/\"2\"",
                "{\"patches\":[{\"op\":\"test\",\"path\":\"/name/1/id\",\"value\":\"124\"},{\"op\":\"remove\",\"path\":\"/name/1\"}]}");
        assertThat(tested.statusCode()).isEqualTo(200);
        assertThat(json(tested).path("name")).hasSize(1);
    }

    @Test
    void aFailingOperationAppliesNoneOfThePatch() {
        HttpResponse<String> r = client.patch("9000000009", "W/\"2\"", "{\"patches\":["
                + "{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"},"
                + "{\"op\":\"test\",\"path\":\"/name/0/id\",\"value\":\"999\"},{\"op\":\"remove\",\"path\":\"/name/0\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(spineCode(r)).isEqualTo("INVALID_UPDATE");
        HttpResponse<String> read = client.get("/Patient/9000000009");
        assertThat(json(read).path("gender").asText()).isEqualTo("female");
        assertThat(read.headers().firstValue("ETag")).contains("W/\"2\"");
    }

    @Test
    void replacingSomethingThatIsNotThereIs400InvalidUpdate() {
        HttpResponse<String> r = client.patch("9000000033", "W/\"2\"",
                "{\"patches\":[{\"op\":\"replace\",\"path\":\"/address/0/line/0\",\"value\":\"1 High Street\"}]}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(spineCode(r)).isEqualTo("INVALID_UPDATE");
    }

    @Test
    void aRetryWithTheSameRequestIdGetsTheFirstAnswerNotASecondUpdate() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Request-ID", UUID.randomUUID().toString());
        h.put("If-Match", "W/\"2\"");
        h.put("Content-Type", "application/json-patch+json");
        HttpResponse<String> first = client.patch("9000000009", h, GENDER_MALE);
        HttpResponse<String> retry = client.patch("9000000009", h, GENDER_MALE);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(json(client.get("/Patient/9000000009")).path("meta").path("versionId").asText()).isEqualTo("3");
    }

    @Test
    void updatesOfARestrictedPatientAnswerWithoutTheWithheldFields() {
        HttpResponse<String> r = client.patch("9000000025", "W/\"2\"", GENDER_MALE);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).has("address") || json(r).has("telecom") || json(r).has("generalPractitioner")).isFalse();
    }

    @Test
    void unknownInvalidatedAndInvalidNumbersAreRefusedAsOnRetrieval() {
        assertThat(spineCode(client.patch("9111231130", "W/\"2\"", GENDER_MALE))).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(spineCode(client.patch("9000000076", "W/\"2\"", GENDER_MALE))).isEqualTo("INVALIDATED_RESOURCE");
        assertThat(spineCode(client.patch("9000000000", "W/\"2\"", GENDER_MALE))).isEqualTo("INVALID_RESOURCE_ID");
    }

    @Test
    void applicationRestrictedCallersMayNotUpdate() {
        try (PdsSimulator appOnly = PdsSimulator.builder().callers(t -> Optional.of(PdsCaller.applicationRestricted("app"))).start()) {
            HttpResponse<String> r = new PdsClient(appOnly).with("Authorization", "Bearer t").patch("9000000009", "W/\"2\"", GENDER_MALE);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(spineCode(r)).isEqualTo("ACCESS_DENIED");
        }
    }
}
