package io.holdfast.transport.http.internal.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.transport.http.internal.config.HttpTransportSettings;
import io.holdfast.transport.http.internal.transport.TestHttpServer.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transport against a loopback HTTP server: what it sends, and how each answer becomes an outcome. */
class HttpOutboundTransportTest {
    static final String REQUEST_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final String OUTCOME_400 = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"value","details":{"coding":[{
            "system":"https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode","code":"INVALID_RESOURCE_ID",
            "display":"Resource Id is invalid"}]},"diagnostics":"Identifier is not a valid NHS number"}]}""";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-06T10:00:00Z"), ZoneOffset.UTC);

    private final TestHttpServer server = TestHttpServer.http();
    private HttpTransportSettings settings = HttpTransportSettings.DEFAULTS;

    HttpOutboundTransportTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private DownstreamSystem system(AuthPattern auth) {
        return new DownstreamSystem("trust-fhir", "Trust FHIR", Optional.empty(), "test", "HTTP", WireFormat.fhirR4(),
                server.url("/fhir/R4"), auth, Optional.empty(), Optional.empty());
    }

    private OutboundRequest request(String requestId, Map<String, String> headers, AuthMaterial auth) {
        return new OutboundRequest(requestId, 1, system(auth instanceof AuthMaterial.Headers ? AuthPattern.API_KEY : AuthPattern.NONE),
                Payload.of("{\"resourceType\":\"Encounter\"}".getBytes(StandardCharsets.UTF_8)), headers, auth);
    }

    private DeliveryResult deliver(Map<String, String> headers) {
        return new HttpOutboundTransport(settings, CLOCK, p -> Optional.empty()).deliver(request(REQUEST_ID, headers, new AuthMaterial.None()));
    }

    @Test
    void postsTheEncodedPayloadWithRequestAndCorrelationIdsAndTheFhirMediaType() {
        server.answer(Answer.of(201, ""));
        deliver(Map.of("X-Request-ID", REQUEST_ID, "X-Correlation-ID", "journal-42", "mllp.onAE", "DEAD_LETTER",
                "mex-FileName", "x.dat"));

        TestHttpServer.Received r = server.received().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/fhir/R4");
        assertThat(r.body()).isEqualTo("{\"resourceType\":\"Encounter\"}");
        assertThat(r.header("X-Request-ID")).isEqualTo(REQUEST_ID);
        assertThat(r.header("X-Correlation-ID")).isEqualTo("journal-42");
        assertThat(r.header("Content-Type")).isEqualTo("application/fhir+json");
        assertThat(r.header("Accept")).isEqualTo("application/fhir+json");
        assertThat(r.headers()).as("other transports' options never reach the wire").doesNotContainKeys("mllp.onae", "mex-filename");
    }

    @Test
    void routeHeadersChooseMethodPathAndExtraHeaders() {
        server.answer(Answer.of(200, ""));
        deliver(Map.of("http.method", "put", "http.path", "/Encounter/abc?_format=json", "http.header.NHSD-End-User-Organisation-ODS",
                "X26", "content-type", "application/json"));

        TestHttpServer.Received r = server.received().get(0);
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.path()).isEqualTo("/fhir/R4/Encounter/abc?_format=json");
        assertThat(r.header("NHSD-End-User-Organisation-ODS")).isEqualTo("X26");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
    }

    @Test
    void aRouteHeaderThatCannotBeSentIsAPermanentFailureNamingIt() {
        assertThat(deliver(Map.of("http.method", "DELETE"))).isInstanceOfSatisfying(DeliveryResult.Permanent.class,
                p -> assertThat(p.reason()).contains("http.method").contains("POST, PUT, PATCH").contains("DELETE"));
        assertThat(deliver(Map.of("http.path", "//evil.example/x y"))).isInstanceOf(DeliveryResult.Permanent.class);
        assertThat(deliver(Map.of("http.header.Authorization", "Bearer mine"))).isInstanceOfSatisfying(DeliveryResult.Permanent.class,
                p -> assertThat(p.reason()).contains("http.header.Authorization is not allowed"));
        assertThat(deliver(Map.of("http.header.Content-Type", "text/plain"))).isInstanceOf(DeliveryResult.Permanent.class);
        assertThat(server.received()).isEmpty();
    }

    @Test
    void aRequestIdThatIsNotAUuidBecomesTheSameNameBasedUuidEveryTime() {
        server.answer(Answer.of(202, ""));
        HttpOutboundTransport t = new HttpOutboundTransport(settings, CLOCK, p -> Optional.empty());
        t.deliver(request("vendor-id-1", Map.of(), new AuthMaterial.None()));
        t.deliver(request("vendor-id-1", Map.of(), new AuthMaterial.None()));
        t.deliver(request("vendor-id-2", Map.of(), new AuthMaterial.None()));

        assertThat(server.received()).extracting(r -> r.header("X-Request-ID")).allMatch(id -> id.matches(
                "[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(server.received().get(0).header("X-Request-ID")).isEqualTo(server.received().get(1).header("X-Request-ID"))
                .isNotEqualTo(server.received().get(2).header("X-Request-ID"));
        assertThat(server.received().get(0).header("X-Correlation-ID")).as("no correlation id given: the request id")
                .isEqualTo(server.received().get(0).header("X-Request-ID"));
    }

    @Test
    void aCreatedResourceIsAcknowledgedWithItsIdLocationAndETagAndTheResponseKept() {
        String created = "{\"resourceType\":\"Encounter\",\"id\":\"enc-7\",\"meta\":{\"versionId\":\"1\"}}";
        server.answer(Answer.of(201, created, "Location", "https://trust.example/fhir/R4/Encounter/enc-7/_history/1", "ETag", "W/\"1\""));

        assertThat(deliver(Map.of())).isInstanceOfSatisfying(DeliveryResult.Acknowledged.class, a -> {
            assertThat(a.summary()).isEqualTo("HTTP 201, Encounter/enc-7 version 1, Location "
                    + "https://trust.example/fhir/R4/Encounter/enc-7/_history/1, ETag W/\"1\"");
            assertThat(a.response()).hasValueSatisfying(p -> assertThat(text(p)).isEqualTo(created));
        });
    }

    @Test
    void aClientErrorIsPermanentWithTheOperationOutcomeInTheReasonAndTheBodyKept() {
        server.answer(Answer.of(400, OUTCOME_400, "Content-Type", "application/fhir+json"));

        assertThat(deliver(Map.of())).isInstanceOfSatisfying(DeliveryResult.Permanent.class, p -> {
            assertThat(p.reason()).isEqualTo("HTTP 400: OperationOutcome error/value INVALID_RESOURCE_ID (Resource Id is invalid):"
                    + " Identifier is not a valid NHS number");
            assertThat(p.response()).hasValueSatisfying(b -> assertThat(text(b)).isEqualTo(OUTCOME_400));
        });
    }

    @Test
    void overloadAndServerErrorsAreTransientHonouringRetryAfterInSecondsOrAsADate() {
        server.answer(Answer.of(503, "busy", "Retry-After", "120"), Answer.of(429, "", "Retry-After", "Sun, 06 Dec 2026 10:00:07 GMT"),
                Answer.of(500, "oops"));

        assertThat(deliver(Map.of())).isInstanceOfSatisfying(DeliveryResult.Transient.class, t -> {
            assertThat(t.retryAfter()).contains(Duration.ofSeconds(120));
            assertThat(t.reason()).isEqualTo("HTTP 503 (Retry-After 120 s): busy");
        });
        assertThat(deliver(Map.of())).isInstanceOfSatisfying(DeliveryResult.Transient.class,
                t -> assertThat(t.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(deliver(Map.of())).isInstanceOfSatisfying(DeliveryResult.Transient.class,
                t -> assertThat(t.retryAfter()).isEmpty());
    }

    @Test
    void aRedirectIsNotFollowedButReportedAsPermanent() {
        server.answer(Answer.of(301, "", "Location", "https://elsewhere.example/fhir"));

        assertThat(deliver(Map.of())).isInstanceOfSatisfying(DeliveryResult.Permanent.class,
                p -> assertThat(p.reason()).contains("redirect to https://elsewhere.example/fhir not followed"));
        assertThat(server.received()).hasSize(1);
    }

    @Test
    void anOversizedResponseIsReadOnlyUpToTheCap() {
        settings = settings.withMaxResponseBytes(1024);
        long huge = 256L << 20;
        server.answer(Answer.huge(200, huge), Answer.huge(500, huge));

        assertThat(deliver(Map.of())).isInstanceOfSatisfying(DeliveryResult.Acknowledged.class, a -> {
            assertThat(a.summary()).contains("response body cut at 1024 bytes (maxResponseBytes)");
            assertThat(a.response()).hasValueSatisfying(p -> assertThat(p.size()).isEqualTo(1024));
        });
        assertThat(deliver(Map.of())).isInstanceOfSatisfying(DeliveryResult.Transient.class,
                t -> assertThat(t.reason()).startsWith("HTTP 500: xxxx").endsWith("[body cut at 1024 bytes]"));
        assertThat(server.streamedBytes()).as("the server could not push more than socket buffers hold").isLessThan(2 * (64L << 20));
    }

    @Test
    void noResponseWithinTheTimeoutIsTransient() {
        settings = settings.withResponseTimeout(Duration.ofSeconds(1));
        server.answer(Answer.never());
        long start = System.nanoTime();

        assertThat(deliver(Map.of())).isInstanceOfSatisfying(DeliveryResult.Transient.class,
                t -> assertThat(t.reason()).startsWith("timeout calling 'trust-fhir'"));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aRefusedConnectionIsTransient() {
        DownstreamSystem closed = new DownstreamSystem("gone", "Gone", Optional.empty(), "test", "HTTP", WireFormat.fhirR4(),
                "http://127.0.0.1:1/fhir", AuthPattern.NONE, Optional.empty(), Optional.empty());
        DeliveryResult r = new HttpOutboundTransport(settings, CLOCK, p -> Optional.empty())
                .deliver(new OutboundRequest(REQUEST_ID, 1, closed, Payload.of(new byte[] {'{', '}'}), Map.of(), new AuthMaterial.None()));

        assertThat(r).isInstanceOfSatisfying(DeliveryResult.Transient.class, t -> assertThat(t.reason()).startsWith("cannot connect to 'gone'"));
    }

    @Test
    void a401MakesTheProviderInvalidateAndTheRequestIsResentOnceWithFreshCredentials() {
        CountingProvider provider = new CountingProvider();
        server.answer(Answer.of(401, ""), Answer.of(201, ""));
        HttpOutboundTransport t = new HttpOutboundTransport(settings, CLOCK, p -> Optional.of(provider));

        DeliveryResult r = t.deliver(request(REQUEST_ID, Map.of(), provider.authenticate(null)));

        assertThat(r).isInstanceOfSatisfying(DeliveryResult.Acknowledged.class,
                a -> assertThat(a.summary()).isEqualTo("HTTP 201, sent again after a 401 as trust-fhir@v1"));
        assertThat(provider.invalidations.get()).isEqualTo(1);
        assertThat(server.received()).extracting(x -> x.header("apikey")).containsExactly("key-1", "key-2");
        assertThat(server.received()).extracting(x -> x.header("X-Request-ID")).containsOnly(REQUEST_ID);
    }

    @Test
    void a401AfterReauthenticatingIsTransientAndNotTriedAThirdTime() {
        CountingProvider provider = new CountingProvider();
        server.answer(Answer.of(401, "{\"error\":\"invalid_token\"}"));
        HttpOutboundTransport t = new HttpOutboundTransport(settings, CLOCK, p -> Optional.of(provider));

        assertThat(t.deliver(request(REQUEST_ID, Map.of(), provider.authenticate(null)))).isInstanceOfSatisfying(
                DeliveryResult.Transient.class, x -> assertThat(x.reason()).contains("still refused after re-authenticating once"));
        assertThat(server.received()).hasSize(2);
        assertThat(provider.invalidations.get()).isEqualTo(1);
    }

    private static String text(Payload p) {
        try (var in = p.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An API-key provider whose key changes after each invalidate, as a rotated or refreshed credential would. */
    static final class CountingProvider implements AuthProvider {
        final AtomicInteger invalidations = new AtomicInteger();

        @Override
        public AuthPattern pattern() {
            return AuthPattern.API_KEY;
        }

        @Override
        public AuthMaterial authenticate(DownstreamSystem system) {
            return new AuthMaterial.Headers(Map.of("apikey", "key-" + (invalidations.get() + 1)), Optional.empty(), Instant.MAX,
                    new CredentialIdentity("trust-fhir", 1, Optional.empty(), Optional.empty()));
        }

        @Override
        public void invalidate(DownstreamSystem system) {
            invalidations.incrementAndGet();
        }
    }
}
