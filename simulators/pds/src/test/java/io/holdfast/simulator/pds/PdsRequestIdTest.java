package io.holdfast.simulator.pds;

import static io.holdfast.simulator.pds.PdsClient.json;
import static io.holdfast.simulator.pds.PdsClient.spineCode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * De-duplication on X-Request-ID (components/schemas/XRequestID.yaml: "we use to de-duplicate repeated
 * requests"; patient-patch.yaml '503': "does not imply the request has failed … re-send the request … using
 * the same X-Request-ID value").
 */
class PdsRequestIdTest {
    private static final String PATIENT = "/Patient/9000000009";
    private static final String ROLE = "555021935107";
    private static final String GENDER_MALE = "{\"patches\":[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]}";
    private PdsSimulator sim;
    private PdsClient client;

    @BeforeEach
    void start() {
        sim = PdsSimulator.builder().rateLimitPerSecond(0).callers(t -> Optional.of(PdsCaller.userRestricted(t))).start();
        client = new PdsClient(sim).with("Authorization", "Bearer app-a").with("NHSD-Session-URID", ROLE);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private static Map<String, String> patchHeaders(String requestId, String ifMatch) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Request-ID", requestId);
        h.put("If-Match", ifMatch);
        h.put("Content-Type", "application/json-patch+json");
        return h;
    }

    private String currentVersion() {
        return json(client.get(PATIENT)).path("meta").path("versionId").asText();
    }

    @Test
    void aResentRetrieveGetsTheRememberedAnswerNotTheCurrentRecord() {
        Map<String, String> id = Map.of("X-Request-ID", UUID.randomUUID().toString());
        HttpResponse<String> first = client.get(PATIENT, id);
        assertThat(client.patch("9000000009", "W/\"2\"", GENDER_MALE).statusCode()).isEqualTo(200);

        HttpResponse<String> resent = client.get(PATIENT, id);
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(resent.body()).isEqualTo(first.body());
        assertThat(resent.headers().firstValue("ETag")).contains("W/\"2\"");
        assertThat(currentVersion()).as("a new X-Request-ID is processed").isEqualTo("3");
    }

    @Test
    void anUpdateThatTimedOutAfterTakingEffectIsNotAppliedTwiceWhenResent() {
        sim.faults().failNextRequestsAfterProcessing(1, 503, OptionalInt.of(1));
        Map<String, String> h = patchHeaders(UUID.randomUUID().toString(), "W/\"2\"");
        HttpResponse<String> timedOut = client.patch("9000000009", h, GENDER_MALE);
        assertThat(timedOut.statusCode()).isEqualTo(503);
        assertThat(spineCode(timedOut)).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(timedOut.headers().firstValue("Retry-After")).contains("1");

        HttpResponse<String> resent = client.patch("9000000009", h, GENDER_MALE);
        assertThat(resent.statusCode()).as("the update took effect; the resend gets its answer").isEqualTo(200);
        assertThat(resent.headers().firstValue("ETag")).contains("W/\"3\"");
        assertThat(currentVersion()).isEqualTo("3");
    }

    @Test
    void anUpdateRefusedBeforeProcessingIsProcessedWhenResent() {
        sim.faults().failNextRequests(1, 503, OptionalInt.of(1));
        Map<String, String> h = patchHeaders(UUID.randomUUID().toString(), "W/\"2\"");
        assertThat(client.patch("9000000009", h, GENDER_MALE).statusCode()).isEqualTo(503);
        assertThat(currentVersion()).isEqualTo("2");
        assertThat(client.patch("9000000009", h, GENDER_MALE).statusCode()).isEqualTo(200);
        assertThat(currentVersion()).isEqualTo("3");
    }

    @Test
    void theSameRequestIdOnADifferentRequestIsProcessedAsNew() {
        String id = UUID.randomUUID().toString();
        assertThat(client.patch("9000000009", patchHeaders(id, "W/\"2\""), GENDER_MALE).statusCode()).isEqualTo(200);
        HttpResponse<String> other = client.patch("9000000009", patchHeaders(id, "W/\"3\""),
                "{\"patches\":[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"female\"}]}");
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(currentVersion()).isEqualTo("4");
    }

    @Test
    void aRememberedRefusalIsAnsweredAgainForTheSameRequest() {
        Map<String, String> h = patchHeaders(UUID.randomUUID().toString(), "W/\"1\"");
        assertThat(client.patch("9000000009", h, GENDER_MALE).statusCode()).isEqualTo(409);
        assertThat(client.patch("9000000009", "W/\"2\"", GENDER_MALE).statusCode()).isEqualTo(200);
        HttpResponse<String> resent = client.patch("9000000009", h, GENDER_MALE);
        assertThat(resent.statusCode()).isEqualTo(409);
        assertThat(spineCode(resent)).isEqualTo("RESOURCE_VERSION_MISMATCH");
    }

    @Test
    void requestIdsAreRememberedPerApplication() {
        Map<String, String> id = Map.of("X-Request-ID", UUID.randomUUID().toString());
        client.get(PATIENT, id);
        assertThat(client.patch("9000000009", "W/\"2\"", GENDER_MALE).statusCode()).isEqualTo(200);
        HttpResponse<String> otherApp = new PdsClient(sim).with("Authorization", "Bearer app-b").with("NHSD-Session-URID", ROLE)
                .get(PATIENT, id);
        assertThat(otherApp.headers().firstValue("ETag")).contains("W/\"3\"");
    }
}
