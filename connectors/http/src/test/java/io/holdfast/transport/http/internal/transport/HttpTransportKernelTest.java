package io.holdfast.transport.http.internal.transport;

import static io.holdfast.api.kernel.Stage.ACKED;
import static io.holdfast.api.kernel.Stage.DEAD_LETTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Stage;
import io.holdfast.api.kernel.StageEntry;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.simulator.apim.ApimSimulator;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestRoute;
import io.holdfast.testkit.fixture.Await;
import io.holdfast.testkit.journal.JournalTrace;
import io.holdfast.transport.http.internal.config.HttpTransportSettings;
import io.holdfast.transport.http.internal.transport.TestHttpServer.Answer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transport in the real kernel (testkit {@link TestKernel}): an event accepted by Intake goes through
 * the outbox and the dispatcher to a loopback server; retries, dead letters and the journal are the
 * kernel's own, authentication the shipped providers' with material from the vault.
 */
class HttpTransportKernelTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final AtomicReference<TestKernel> kernel = new AtomicReference<>();
    private final HttpOutboundTransport transport = new HttpOutboundTransport(HttpTransportSettings.DEFAULTS, Clock.systemUTC(),
            pattern -> kernel.get().authProvider(pattern));
    private TestHttpServer server;

    @AfterEach
    void stop() {
        if (kernel.get() != null) {
            kernel.get().close();
        }
        if (server != null) {
            server.close();
        }
    }

    private TestKernel start(DownstreamSystem system, TestRoute route) {
        kernel.set(TestKernel.builder(dir).codec(new EncounterJsonCodec()).transport(transport).system(system).route(route).start());
        return kernel.get();
    }

    private static DownstreamSystem system(String endpoint, AuthPattern auth) {
        return new DownstreamSystem("trust-fhir", "Trust FHIR", Optional.empty(), "test", "HTTP", WireFormat.fhirR4(), endpoint, auth,
                Optional.empty(), Optional.empty());
    }

    private static TestRoute route() {
        return TestRoute.named("adt-to-fhir").to("trust-fhir");
    }

    @Test
    void aServerErrorIsRetriedWithTheSameRequestIdThenAcknowledgedAndJournaled() throws Exception {
        server = TestHttpServer.http().answer(Answer.of(503, "down for a moment"),
                Answer.of(201, "{\"resourceType\":\"Encounter\",\"id\":\"e1\"}", "Location", "Encounter/e1/_history/1"));
        TestKernel k = start(system(server.url("/fhir/R4"), AuthPattern.NONE), route());
        IntakeReceipt first = EncounterJsonCodec.send(k, "MSG1", "P1|V1|SMITH");

        JournalTrace trace = JournalTrace.awaitStage(k.journal(), "MSG1", ACKED, WAIT);
        EncounterJsonCodec.send(k, "MSG2", "P2|V2|JONES");
        JournalTrace.awaitStage(k.journal(), "MSG2", ACKED, WAIT);

        List<TestHttpServer.Received> got = server.received();
        assertThat(got).hasSize(3);
        String requestId = k.outbox("trust-fhir").stream().filter(r -> r.journalId() == first.journalId()).findFirst().orElseThrow()
                .requestId();
        assertThat(got.get(0).header("X-Request-ID")).isEqualTo(requestId).isEqualTo(got.get(1).header("X-Request-ID"))
                .isNotEqualTo(got.get(2).header("X-Request-ID"));
        assertThat(got.get(0).header("X-Correlation-ID")).isEqualTo("journal-" + first.journalId())
                .isEqualTo(got.get(1).header("X-Correlation-ID"));
        assertThat(got.get(0).body()).isEqualTo("{\"resourceType\":\"Encounter\",\"identifier\":[{\"value\":\"V1\"}]}");
        assertThat(details(trace, Stage.RESPONSE)).containsExactly("transient failure (attempt 1): HTTP 503: down for a moment",
                "response: HTTP 201, Encounter/e1, Location Encounter/e1/_history/1");
        assertThat(trace.entry().stages().stream().filter(s -> s.stage() == Stage.RESPONSE).skip(1).findFirst().orElseThrow().payload())
                .as("the response body is journaled").isPresent();
    }

    @Test
    void tooManyRequestsWaitsAtLeastTheRetryAfterSeconds() throws Exception {
        server = TestHttpServer.http().answer(Answer.of(429, "", "Retry-After", "2"), Answer.of(200, ""));
        TestKernel k = start(system(server.url("/fhir/R4"), AuthPattern.NONE), route());
        EncounterJsonCodec.send(k, "MSG1", "P1|V1|SMITH");

        JournalTrace.awaitStage(k.journal(), "MSG1", ACKED, WAIT);

        List<TestHttpServer.Received> got = server.received();
        assertThat(got).hasSize(2);
        assertThat(Duration.ofNanos(got.get(1).nanoTime() - got.get(0).nanoTime())).as("the route's own backoff is 20-100 ms")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aRejectedResourceIsDeadLetteredWithTheOperationOutcomeAndNotRetried() throws Exception {
        server = TestHttpServer.http().answer(Answer.of(400, HttpOutboundTransportTest.OUTCOME_400));
        TestKernel k = start(system(server.url("/fhir/R4"), AuthPattern.NONE), route());
        EncounterJsonCodec.send(k, "MSG1", "P1|V1|SMITH");

        JournalTrace.awaitStage(k.journal(), "MSG1", DEAD_LETTER, WAIT);

        assertThat(k.outbox("trust-fhir")).singleElement().satisfies(row -> {
            assertThat(row.state()).isEqualTo("DEAD_LETTER");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.lastError()).hasValueSatisfying(e -> assertThat(e)
                    .contains("HTTP 400: OperationOutcome error/value INVALID_RESOURCE_ID (Resource Id is invalid): Identifier is not a valid NHS number"));
        });
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anExpiredBearerTokenIsRefreshedOnceThroughTheSignedJwtProvider() throws Exception {
        server = TestHttpServer.http().answer(Answer.of(401, ""), Answer.of(201, ""));
        KeyPair key = TestCertificates.rsa();
        try (ApimSimulator apim = ApimSimulator.builder().tokenUrl(server.url("/oauth2/token")).start()) {
            apim.registerApplication("app-key-1", "kid-1", key.getPublic());
            server.forwardTokenRequestsTo(apim.baseUrl() + "/oauth2/token");
            TestKernel k = start(system(server.url("/fhir/R4"), AuthPattern.OAUTH2_SIGNED_JWT), route());
            k.vaultAdmin().importCredential(ImportRequest.of(CredentialTarget.system("trust-fhir"), CredentialKind.API_KEY,
                    List.of("app-key-1".getBytes(StandardCharsets.UTF_8))));
            k.vaultAdmin().importCredential(ImportRequest.of(CredentialTarget.system("trust-fhir"), CredentialKind.JWT_SIGNING_KEY,
                    List.of(TestCertificates.pem(key.getPrivate()))).withKeyId("kid-1"));
            EncounterJsonCodec.send(k, "MSG1", "P1|V1|SMITH");

            JournalTrace trace = JournalTrace.awaitStage(k.journal(), "MSG1", ACKED, WAIT);

            List<TestHttpServer.Received> got = server.received();
            assertThat(got).hasSize(2);
            assertThat(got.get(0).header("Authorization")).startsWith("Bearer ").isNotEqualTo(got.get(1).header("Authorization"));
            assertThat(got.get(0).header("X-Request-ID")).isEqualTo(got.get(1).header("X-Request-ID"));
            assertThat(apim.tokenRequests()).as("one token, then one after invalidate").isEqualTo(2);
            assertThat(trace.entry().stages()).filteredOn(s -> s.stage() == Stage.SENT).singleElement()
                    .satisfies(s -> assertThat(s.credential()).hasValue("trust-fhir@v1 kid:kid-1"));
        }
    }

    @Test
    void mutualTlsUsesTheVaultsClientKeyAndTrustAnchors() throws Exception {
        TestCertificates pki = new TestCertificates();
        server = TestHttpServer.httpsWithClientAuth(pki.serverContext()).answer(Answer.of(201, ""));
        TestKernel k = start(system(server.url("/fhir/R4"), AuthPattern.TLS_MUTUAL), route());
        k.vaultAdmin().importCredential(ImportRequest.of(CredentialTarget.system("trust-fhir"), CredentialKind.KEY_PAIR,
                List.of(TestCertificates.pem(pki.clientKey.getPrivate(), pki.client, pki.ca))));
        k.vaultAdmin().importCredential(ImportRequest.of(CredentialTarget.system("trust-fhir"), CredentialKind.TRUST_ANCHORS,
                List.of(TestCertificates.pem(pki.ca))));
        EncounterJsonCodec.send(k, "MSG1", "P1|V1|SMITH");

        JournalTrace.awaitStage(k.journal(), "MSG1", ACKED, WAIT);

        assertThat(server.received()).singleElement()
                .satisfies(r -> assertThat(r.clientCertificate()).hasValue("CN=holdfast-client,O=Holdfast Test"));
        Await.until("outbox row done", WAIT, () -> k.outbox("trust-fhir").get(0).state().equals("DONE"));
    }

    private static List<String> details(JournalTrace trace, Stage stage) {
        return trace.entry().stages().stream().filter(s -> s.stage() == stage).map(StageEntry::detail).toList();
    }
}
