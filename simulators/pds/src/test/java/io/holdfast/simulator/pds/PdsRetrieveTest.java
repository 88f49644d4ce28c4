package io.holdfast.simulator.pds;

import static io.holdfast.simulator.pds.PdsClient.diagnostics;
import static io.holdfast.simulator.pds.PdsClient.json;
import static io.holdfast.simulator.pds.PdsClient.spineCode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** GET /Patient/{id}, written from specification/components/paths/patient-get.yaml and its sandbox scenarios. */
class PdsRetrieveTest {
    private static PdsSimulator sim;
    private static PdsClient client;

    @BeforeAll
    static void start() {
        sim = PdsSimulator.builder().rateLimitPerSecond(0).start();
        client = new PdsClient(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void fullRecordIsReturnedWithVersionETagAndFhirJson() {
        HttpResponse<String> r = client.get("/Patient/9000000009");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).contains("application/fhir+json");
        JsonNode p = json(r);
        assertThat(p.path("resourceType").asText()).isEqualTo("Patient");
        assertThat(p.path("id").asText()).isEqualTo("9000000009");
        assertThat(p.path("identifier").path(0).path("system").asText()).isEqualTo("https://fhir.nhs.uk/Id/nhs-number");
        assertThat(p.path("meta").path("versionId").asText()).isEqualTo("2");
        assertThat(r.headers().firstValue("ETag")).contains("W/\"2\"");
        assertThat(p.path("meta").path("security").path(0).path("code").asText()).isEqualTo("U");
        assertThat(p.has("address") && p.has("telecom") && p.has("generalPractitioner")).isTrue();
    }

    @Test
    void requestAndCorrelationIdsAreMirrored() {
        HttpResponse<String> r = client.get("/Patient/9000000009",
                Map.of("X-Request-ID", "60E0B220-8136-4CA5-AE46-1D97EF59D068", "X-Correlation-ID", "corr-1"));
        assertThat(r.headers().firstValue("X-Request-ID")).contains("60E0B220-8136-4CA5-AE46-1D97EF59D068");
        assertThat(r.headers().firstValue("X-Correlation-ID")).contains("corr-1");
    }

    @Test
    void restrictedPatientHasAddressTelecomAndGpRemoved() {
        JsonNode p = json(client.get("/Patient/9000000025"));
        assertThat(p.path("meta").path("security").path(0).path("code").asText()).isEqualTo("R");
        assertThat(p.has("address")).isFalse();
        assertThat(p.has("telecom")).isFalse();
        assertThat(p.has("generalPractitioner")).isFalse();
        assertThat(p.path("name").path(0).path("family").asText()).isEqualTo("Smythe");
        assertThat(sim.patients().record("9000000025").orElseThrow().has("address")).as("held, only withheld").isTrue();
    }

    @Test
    void veryRestrictedPatientIsWithheldLikeRestricted() {
        JsonNode p = json(client.get("/Patient/9000000084"));
        assertThat(p.path("meta").path("security").path(0).path("code").asText()).isEqualTo("V");
        assertThat(p.has("address") || p.has("telecom") || p.has("generalPractitioner")).isFalse();
    }

    @Test
    void minimalPatientHasLittleData() {
        HttpResponse<String> r = client.get("/Patient/9000000033");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).has("name")).isFalse();
        assertThat(json(r).has("birthDate")).isFalse();
    }

    @Test
    void unknownValidNumberIs404ResourceNotFound() {
        HttpResponse<String> r = client.get("/Patient/9111231130");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(spineCode(r)).isEqualTo("RESOURCE_NOT_FOUND");
        assertThat(json(r).path("issue").path(0).path("details").path("coding").path(0).path("system").asText())
                .isEqualTo("https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode");
    }

    @Test
    void numberFailingModulus11Is400InvalidResourceId() {
        HttpResponse<String> r = client.get("/Patient/9000000000");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(spineCode(r)).isEqualTo("INVALID_RESOURCE_ID");
        assertThat(client.get("/Patient/90000000").statusCode()).isEqualTo(400);
    }

    @Test
    void supersededNumberReturnsTheReplacementRecord() {
        HttpResponse<String> r = client.get("/Patient/9000000041");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("id").asText()).isEqualTo("9000000068");
    }

    @Test
    void invalidatedNumberIs404InvalidatedResource() {
        HttpResponse<String> r = client.get("/Patient/9000000076");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(spineCode(r)).isEqualTo("INVALIDATED_RESOURCE");
    }

    @Test
    void missingRequestIdIs400MissingValue() {
        HttpResponse<String> r = client.get("/Patient/9000000009", Map.of());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(spineCode(r)).isEqualTo("MISSING_VALUE");
        assertThat(diagnostics(r)).isEqualTo("Invalid request with error - X-Request-ID header must be supplied to access this resource");
    }

    @Test
    void requestIdThatIsNotAUuidIs400InvalidValue() {
        HttpResponse<String> r = client.get("/Patient/9000000009", Map.of("X-Request-ID", "test"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(spineCode(r)).isEqualTo("INVALID_VALUE");
        assertThat(diagnostics(r)).isEqualTo("Invalid value - 'test' in header 'X-Request-ID'");
        assertThat(r.headers().firstValue("X-Request-ID")).contains("test");
    }

    @Test
    void missingNhsNumberIs400UnsupportedService() {
        HttpResponse<String> r = client.get("/Patient/");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(spineCode(r)).isEqualTo("UNSUPPORTED_SERVICE");
    }

    @Test
    void pathsOutsideTheBasePathAreNotFound() {
        HttpResponse<String> r = client.get("/Patient/9000000009/RelatedPerson");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(json(r).path("resourceType").asText()).isEqualTo("OperationOutcome");
    }
}
