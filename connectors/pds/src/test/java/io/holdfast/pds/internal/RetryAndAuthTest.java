package io.holdfast.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.internal.config.PdsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One X-Request-ID for all retries of a call, backoff on 503/429 then a typed failure, and 401 → invalidate + one retry. */
class RetryAndAuthTest {
    private static final NhsNumber NHS = NhsNumber.parse("9000000009");
    @TempDir
    Path dir;

    /** Bearer t1, t2, ... : a new token after each invalidate. */
    static final class CountingProvider implements AuthProvider {
        final AtomicInteger invalidations = new AtomicInteger();

        @Override
        public AuthPattern pattern() {
            return AuthPattern.OAUTH2_SIGNED_JWT;
        }

        @Override
        public AuthMaterial authenticate(DownstreamSystem system) {
            return new AuthMaterial.Headers(Map.of("Authorization", "Bearer t" + (invalidations.get() + 1)), Optional.empty(),
                    Instant.now().plusSeconds(60), new CredentialIdentity("pds-app", 4, Optional.empty(), Optional.of("kid-1")));
        }

        @Override
        public void invalidate(DownstreamSystem system) {
            invalidations.incrementAndGet();
        }
    }

    private PdsFixture start(StubPds stub, AuthProvider provider, PdsSettings settings) {
        return PdsFixture.start(dir, stub.baseUrl(), settings, Optional.of(provider), b -> b);
    }

    private static PdsSettings quickRetries(int attempts) {
        return PdsSettings.defaults(PdsFixture.SYSTEM).withTps(50).withRetries(attempts, Duration.ofMillis(200));
    }

    @Test
    void aRetryCarriesTheSameRequestIdAndTheCorrelationId() throws Exception {
        try (StubPds stub = new StubPds(); PdsFixture pds = start(stub, new CountingProvider(), quickRetries(3))) {
            stub.then(503, StubPds.outcome("SERVICE_UNAVAILABLE"), Map.of("Retry-After", "0"));
            stub.then(200, StubPds.patient("9000000009", "U", 2), Map.of());

            RetrieveResult r = pds.client.retrieve(NHS, CallContext.of("event-77", "test"));

            assertThat(r).isInstanceOf(RetrieveResult.Found.class);
            assertThat(stub.seen).hasSize(2);
            String first = stub.seen.get(0).header("X-Request-ID");
            assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(stub.seen.get(1).header("X-Request-ID")).isEqualTo(first);
            assertThat(stub.seen).allSatisfy(s -> assertThat(s.header("X-Correlation-ID")).isEqualTo("event-77"));
            assertThat(stub.seen.get(0).path()).isEqualTo("/personal-demographics/FHIR/R4/Patient/9000000009");
            assertThat(stub.seen.get(0).header("Accept")).isEqualTo("application/fhir+json");
            assertThat(PdsFixture.response(pds.calls().get(0)).detail()).endsWith("(request " + first + ", 2 attempts)");
            assertThat(PdsFixture.response(pds.calls().get(0)).credential()).contains("pds-app@v4 kid:kid-1");
        }
    }

    @Test
    void throttlingToTheEndIsARetryableTypedFailure() throws Exception {
        try (StubPds stub = new StubPds(); PdsFixture pds = start(stub, new CountingProvider(), quickRetries(2))) {
            stub.then(429, StubPds.outcome("TOO_MANY_REQUESTS"), Map.of("Retry-After", "0"));
            stub.then(429, StubPds.outcome("TOO_MANY_REQUESTS"), Map.of());

            RetrieveResult r = pds.client.retrieve(NHS);

            assertThat(r).isInstanceOf(RetrieveResult.Failed.class);
            RetrieveResult.Failed f = (RetrieveResult.Failed) r;
            assertThat(f.failure().code()).isEqualTo("TOO_MANY_REQUESTS");
            assertThat(f.failure().retryable()).isTrue();
            assertThat(stub.seen).hasSize(2);
        }
    }

    @Test
    void a401InvalidatesTheTokenAndRetriesOnceWithTheSameRequestId() throws Exception {
        CountingProvider provider = new CountingProvider();
        try (StubPds stub = new StubPds(); PdsFixture pds = start(stub, provider, quickRetries(3))) {
            stub.then(401, StubPds.outcome("ACCESS_DENIED"), Map.of());
            stub.then(200, StubPds.patient("9000000009", "U", 2), Map.of());

            assertThat(pds.client.retrieve(NHS)).isInstanceOf(RetrieveResult.Found.class);

            assertThat(provider.invalidations).hasValue(1);
            assertThat(stub.seen).extracting(s -> s.header("Authorization")).containsExactly("Bearer t1", "Bearer t2");
            assertThat(stub.seen.get(1).header("X-Request-ID")).isEqualTo(stub.seen.get(0).header("X-Request-ID"));
        }
    }

    @Test
    void aSecond401IsAFailureWithoutMoreTries() throws Exception {
        CountingProvider provider = new CountingProvider();
        try (StubPds stub = new StubPds(); PdsFixture pds = start(stub, provider, quickRetries(3))) {
            stub.then(401, StubPds.outcome("ACCESS_DENIED"), Map.of());
            stub.then(401, StubPds.outcome("ACCESS_DENIED"), Map.of());

            RetrieveResult r = pds.client.retrieve(NHS);

            assertThat(r).isInstanceOf(RetrieveResult.Failed.class);
            assertThat(((RetrieveResult.Failed) r).failure().code()).isEqualTo("ACCESS_DENIED");
            assertThat(((RetrieveResult.Failed) r).failure().retryable()).isFalse();
            assertThat(stub.seen).hasSize(2);
            assertThat(provider.invalidations).hasValue(1);
        }
    }

    @Test
    void anOversizedAnswerIsNotRead() throws Exception {
        try (StubPds stub = new StubPds(); PdsFixture pds = start(stub, new CountingProvider(),
                quickRetries(1).withTimeouts(Duration.ofSeconds(5), 1024))) {
            stub.then(200, StubPds.patient("9000000009", "U", 2) + " ".repeat(2048), Map.of());

            RetrieveResult r = pds.client.retrieve(NHS);

            assertThat(((RetrieveResult.Failed) r).failure().code()).isEqualTo("RESPONSE_TOO_LARGE");
        }
    }
}
