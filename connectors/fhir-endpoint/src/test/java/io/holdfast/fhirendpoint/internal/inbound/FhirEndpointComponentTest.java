package io.holdfast.fhirendpoint.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.ClaimOutcome;
import io.holdfast.api.kernel.JournalEntry;
import io.holdfast.api.kernel.Stage;
import io.holdfast.http.ApiKeyAuthenticator;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.journal.JournalTrace;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The inbound FHIR endpoint on a real lib-http listener in front of the real kernel: answers after
 * the durable commit, duplicates and amendments by natural key, media type, body cap, invalid input
 * with OperationOutcome, authentication and Intake refusal.
 */
class FhirEndpointComponentTest {
    private static final String FHIR = "application/fhir+json";
    private static final String KEY = "pas-key-1";
    private static final Pattern LOCATION = Pattern.compile("/fhir/r4/Patient/([A-Za-z0-9.-]{1,64})/_history/(\\d+)");

    @TempDir
    java.nio.file.Path dir;

    private TestKernel kernel;
    private FhirEndpointFixture fhir;

    @AfterEach
    void close() {
        if (fhir != null) {
            fhir.close();
        }
        if (kernel != null) {
            kernel.close();
        }
    }

    private FhirEndpointFixture start(UnaryOperator<io.holdfast.api.kernel.Intake> wrapper) throws Exception {
        return start(TestKernel.builder(dir).journalOnly().start(), wrapper);
    }

    private FhirEndpointFixture start(TestKernel started, UnaryOperator<io.holdfast.api.kernel.Intake> wrapper) throws Exception {
        kernel = started;
        fhir = new FhirEndpointFixture(kernel, wrapper, Map.of("auth", "apikey", "apiKeys", "pas:" + ApiKeyAuthenticator.digestOf(KEY),
                "maxBodyBytes", "20000", "sourceSystem", "pas"));
        return fhir;
    }

    private FhirEndpointFixture start() throws Exception {
        return start(UnaryOperator.identity());
    }

    private HttpResponse<String> postPatient(String body, String requestId) throws Exception {
        return fhir.send(fhir.post("/fhir/r4/Patient", FHIR, body, "apikey", KEY, "X-Request-ID", requestId));
    }

    private static Matcher location(HttpResponse<String> r) {
        Matcher m = LOCATION.matcher(r.headers().firstValue("Location").orElseThrow());
        assertThat(m.matches()).as("Location %s", r.headers().firstValue("Location")).isTrue();
        return m;
    }

    @Test
    void aPatientIsAnswered201OnlyOnceIntakeReportsItDurable() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        GatedIntake[] gated = new GatedIntake[1];
        start(real -> gated[0] = new GatedIntake(real, gate));

        CompletableFuture<HttpResponse<String>> answer = fhir.sendAsync(fhir.post("/fhir/r4/Patient", FHIR,
                FhirEndpointFixture.resource("patient.json"), "apikey", KEY, "X-Request-ID", "req-1"));
        assertThat(gated[0].accepted.await(20, TimeUnit.SECONDS)).isTrue();
        // committed, but Intake has not yet reported it: no answer may have left
        assertThat(JournalTrace.of(kernel.journal(), "req-1").hasStage(Stage.RECEIVED)).isTrue();
        assertThat(answer).isNotDone();
        gate.countDown();

        HttpResponse<String> r = answer.get(20, TimeUnit.SECONDS);
        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(location(r).group(2)).isEqualTo("1");
        assertThat(r.headers().firstValue("ETag")).contains("W/\"1\"");
        assertThat(gated[0].envelopes.get(0).attributes()).containsEntry("auth.identity", "apikey:pas@v0 kid:pas")
                .containsEntry("auth.mode", "apikey").containsEntry("fhir.resourceType", "Patient");
    }

    @Test
    void theCreatedPatientIsInTheJournalAtOnce() throws Exception {
        start();
        HttpResponse<String> r = postPatient(FhirEndpointFixture.resource("patient.json"), "req-2");

        assertThat(r.statusCode()).isEqualTo(201);
        JournalEntry entry = JournalTrace.of(kernel.journal(), "req-2").entry();
        assertThat(entry.channel()).isEqualTo("fhir:pas");
        assertThat(entry.sourceSystem()).isEqualTo("pas");
        assertThat(entry.wireFormat()).isEqualTo("FHIR:R4");
        assertThat(entry.eventType()).contains("DemographicUpdate");
        assertThat(entry.claim()).contains(ClaimOutcome.NEW);
        assertThat(location(r).group(1)).isEqualTo(entry.keyDigest().orElseThrow().substring(0, Math.min(64, entry.keyDigest().get().length())));
        assertThat(r.body()).contains("OperationOutcome", "information").doesNotContain("9000000009");
        // who sent it: the API key's identity is the RECEIVED stage's credential (kernel journal, Envelope.ATTR_AUTH_IDENTITY)
        assertThat(entry.stages().get(0).stage()).isEqualTo(Stage.RECEIVED);
        assertThat(entry.stages().get(0).credential()).contains("apikey:pas@v0 kid:pas");
    }

    @Test
    void aResentPatientIs200WithTheOriginalId() throws Exception {
        start();
        HttpResponse<String> first = postPatient(FhirEndpointFixture.resource("patient.json"), "req-a");
        HttpResponse<String> again = postPatient(FhirEndpointFixture.resource("patient.json"), "req-b");

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(location(again).group(1)).isEqualTo(location(first).group(1));
        assertThat(location(again).group(2)).isEqualTo("1");
        assertThat(JournalTrace.of(kernel.journal(), "req-b").entry().claim()).contains(ClaimOutcome.DUPLICATE);
    }

    @Test
    void anAmendedPatientIs200WithTheNextVersion() throws Exception {
        start();
        String original = FhirEndpointFixture.resource("patient.json");
        String moved = original.replace("LS1 6AE", "LS2 7EW").replace("2026-12-01T10:00:00Z", "2026-12-02T10:00:00Z");
        HttpResponse<String> first = postPatient(original, "req-c");
        HttpResponse<String> amended = postPatient(moved, "req-d");

        assertThat(amended.statusCode()).isEqualTo(200);
        assertThat(location(amended).group(1)).isEqualTo(location(first).group(1));
        assertThat(location(amended).group(2)).isEqualTo("2");
        assertThat(amended.headers().firstValue("ETag")).contains("W/\"2\"");
        assertThat(JournalTrace.of(kernel.journal(), "req-d").entry().claim()).contains(ClaimOutcome.AMENDMENT);
    }

    @Test
    void anyOtherMediaTypeIs415AndNothingIsJournaled() throws Exception {
        start();
        long before = kernel.journal().counts().messages();

        HttpResponse<String> json = fhir.send(fhir.post("/fhir/r4/Patient", "application/json", FhirEndpointFixture.resource("patient.json"),
                "apikey", KEY));
        HttpResponse<String> xml = fhir.send(fhir.post("/fhir/r4/Patient", "application/fhir+xml", "<Patient/>", "apikey", KEY));
        HttpResponse<String> withCharset = fhir.send(fhir.post("/fhir/r4/Patient", "application/fhir+json; charset=utf-8",
                FhirEndpointFixture.resource("patient.json"), "apikey", KEY));

        assertThat(json.statusCode()).isEqualTo(415);
        assertThat(json.body()).contains("OperationOutcome", "not-supported");
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(withCharset.statusCode()).isEqualTo(201);
        assertThat(kernel.journal().counts().messages()).isEqualTo(before + 1);
    }

    @Test
    void aBodyOverTheEndpointCapIs413AndNotJournaled() throws Exception {
        start();
        String big = FhirEndpointFixture.resource("patient.json").replace("\"Leeds\"", "\"" + "L".repeat(25_000) + "\"");

        HttpResponse<String> r = postPatient(big, "req-big");

        assertThat(r.statusCode()).isEqualTo(413);
        assertThat(kernel.journal().counts().messages()).isZero();
    }

    @Test
    void malformedJsonIs400WithAnOperationOutcomeAndIsKeptAsRejected() throws Exception {
        start();
        HttpResponse<String> r = postPatient("{\"resourceType\": \"Patient\", \"name\": [", "req-bad");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("\"resourceType\":\"OperationOutcome\"", "\"code\":\"structure\"", "MALFORMED", "journal id")
                .doesNotContain("Exception", "at ca.uhn", "at io.holdfast");
        assertThat(JournalTrace.of(kernel.journal(), "req-bad").hasStage(Stage.REJECTED)).isTrue();
    }

    @Test
    void anInvalidNhsNumberIs422WithoutTheNumberInTheAnswer() throws Exception {
        start();
        HttpResponse<String> r = postPatient(FhirEndpointFixture.resource("patient.json").replace("9000000009", "9000000001"), "req-nhs");

        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("OperationOutcome", "\"code\":\"value\"", "INVALID_NHS_NUMBER").doesNotContain("9000000001", "Exception");
        assertThat(JournalTrace.of(kernel.journal(), "req-nhs").hasStage(Stage.REJECTED)).isTrue();
    }

    @Test
    void aResourceOfAnotherTypeThanThePathIs400() throws Exception {
        start();
        HttpResponse<String> r = fhir.send(fhir.post("/fhir/r4/Observation", FHIR, FhirEndpointFixture.resource("patient.json"), "apikey", KEY));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("WRONG_RESOURCE_TYPE");
    }

    @Test
    void aMissingOrWrongApiKeyIs401AndNothingIsJournaled() throws Exception {
        start();
        HttpResponse<String> none = fhir.send(fhir.post("/fhir/r4/Patient", FHIR, FhirEndpointFixture.resource("patient.json")));
        HttpResponse<String> wrong = fhir.send(fhir.post("/fhir/r4/Patient", FHIR, FhirEndpointFixture.resource("patient.json"), "apikey", "guess"));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("OperationOutcome", "\"code\":\"login\"").doesNotContain("guess");
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).contains("ApiKey header=\"apikey\"");
        assertThat(kernel.journal().counts().messages()).isZero();
    }

    @Test
    void anIntakeRefusalIs503WithRetryAfterAndNothingStored() throws Exception {
        start();
        kernel.stopIntake();

        HttpResponse<String> r = postPatient(FhirEndpointFixture.resource("patient.json"), "req-refused");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("5");
        assertThat(r.body()).contains("\"code\":\"transient\"", "SHUTTING_DOWN");
        assertThat(kernel.journal().byMessageId("req-refused")).isEmpty();
    }

    @Test
    void aPatientNoRouteTakesIs503NoRouteAndNotStored() throws Exception {
        // production default: Intake requires a route, and none is configured
        start(TestKernel.builder(dir).start(), UnaryOperator.identity());

        HttpResponse<String> r = postPatient(FhirEndpointFixture.resource("patient.json"), "req-no-route");

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).contains("5");
        assertThat(r.body()).contains("NO_ROUTE");
        assertThat(kernel.journal().byMessageId("req-no-route")).isEmpty();
    }

    @Test
    void aTransactionBundleAtTheBaseGetsATransactionResponse() throws Exception {
        start();
        HttpResponse<String> r = fhir.send(fhir.post("/fhir/r4", FHIR, FhirEndpointFixture.resource("lab-transaction.json"), "apikey", KEY,
                "X-Request-ID", "req-lab"));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"type\":\"transaction-response\"", "\"status\":\"201 Created\"", "/fhir/r4/DiagnosticReport/");
        assertThat(JournalTrace.of(kernel.journal(), "req-lab").entry().eventType()).contains("LabResult");
    }

    @Test
    void onlyPostIsAllowed() throws Exception {
        start();
        HttpResponse<String> r = fhir.send(fhir.request("/fhir/r4/Patient").GET().header("apikey", KEY).build());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).contains("POST");
    }
}
