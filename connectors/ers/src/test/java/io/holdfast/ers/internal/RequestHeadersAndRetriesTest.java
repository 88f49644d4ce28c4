package io.holdfast.ers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.ers.CallContext;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.internal.config.ErsRole;
import io.holdfast.ers.internal.config.ErsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What goes on the wire, against a scripted stub: one X-Request-ID per logical call on every retry, the caller's
 * X-Correlation-ID, no e-RS role headers on application-restricted calls (the spec forbids them there) and all of them on
 * user-restricted ones, If-Match with the version read, one re-authentication after a 401, and the size cap.
 */
class RequestHeadersAndRetriesTest {
    static final String UBRN = "000000070000";
    @TempDir
    Path dir;

    private ErsFixture fixture(StubErs stub, ErsRole role, ErsSettings settings, TestAuth.Provider provider) {
        return ErsFixture.start(dir, stub.fhirBase(), settings, role, provider, b -> b);
    }

    private static ErsSettings settings() {
        return ErsSettings.defaults(ErsFixture.SYSTEM).withRetries(3, Duration.ofMillis(50));
    }

    @Test
    void retriesCarryTheSameRequestIdAndApplicationCallsNoRoleHeaders() throws Exception {
        try (StubErs stub = new StubErs().then(503, StubErs.outcome("SERVICE_UNAVAILABLE")).then(504, StubErs.outcome("GATEWAY_TIMEOUT"))
                .then(200, StubErs.referral(UBRN, 4, "BOOKED"));
             ErsFixture ers = fixture(stub, ErsFixture.providerClinician(), settings(), new TestAuth.Provider("app-1", TestAuth.APP_IDENTITY))) {
            ErsResult<ErsReferral> r = ers.client.retrieve(new Ubrn(UBRN), CallContext.of("corr-77", "test"));

            assertThat(r).isInstanceOf(ErsResult.Done.class);
            assertThat(stub.seen).hasSize(3);
            Set<String> ids = stub.seen.stream().map(s -> s.header("X-Request-ID")).collect(Collectors.toSet());
            assertThat(ids).singleElement().satisfies(id -> assertThat(id).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
            assertThat(stub.seen).allSatisfy(s -> {
                assertThat(s.path()).isEqualTo("/referrals/FHIR/STU3/ReferralRequest/" + UBRN);
                assertThat(s.header("X-Correlation-ID")).isEqualTo("corr-77");
                assertThat(s.header("Authorization")).isEqualTo("Bearer app-1");
                assertThat(s.header("NHSD-eRS-Business-Function")).isNull();
                assertThat(s.header("NHSD-End-User-Organisation-ODS")).isNull();
            });
        }
    }

    @Test
    void aUserRestrictedReviewCarriesTheRoleHeadersAndTheVersionItRead() throws Exception {
        ErsRole obo = new ErsRole(ErsFixture.SYSTEM, "SERVICE_PROVIDER_CLINICIAN_ADMIN", Optional.of("021600556514"), Optional.empty(),
                Optional.empty(), Optional.of("SERVICE_INAPPROPRIATE"));
        try (StubErs stub = new StubErs().then(200, StubErs.referral(UBRN, 7, "BOOKED")).then(200, StubErs.referral(UBRN, 8, "REJECTED"));
             ErsFixture ers = fixture(stub, obo, settings(), new TestAuth.Provider("app-1", TestAuth.APP_IDENTITY))) {
            ErsResult<ErsReferral> r = ers.client.review(new Ubrn(UBRN), ReviewOutcome.reject("SERVICE_INAPPROPRIATE", null),
                    CallContext.of(null, "test").asUser("id-token-1"));

            assertThat(r).isInstanceOfSatisfying(ErsResult.Done.class, d -> assertThat(d.alreadyDone()).isFalse());
            StubErs.Seen op = stub.seen.get(1);
            assertThat(op.method()).isEqualTo("POST");
            assertThat(op.path()).isEqualTo("/referrals/FHIR/STU3/ReferralRequest/" + UBRN + "/$ers.rejectReferral");
            assertThat(op.header("If-Match")).isEqualTo("W/\"7\"");
            assertThat(op.header("Authorization")).isEqualTo("Bearer user-id-token-1");
            assertThat(op.header("NHSD-eRS-Business-Function")).isEqualTo("SERVICE_PROVIDER_CLINICIAN_ADMIN");
            assertThat(op.header("NHSD-eRS-On-Behalf-Of-User-ID")).isEqualTo("021600556514");
            assertThat(op.header("NHSD-End-User-Organisation-ODS")).isEqualTo("R69");
            assertThat(op.header("Content-Type")).isEqualTo("application/fhir+json");
            assertThat(op.header("X-Request-ID")).isNotEqualTo(stub.seen.get(0).header("X-Request-ID"));
        }
    }

    @Test
    void a401IsAnsweredByOneReauthenticationThenAFailure() throws Exception {
        TestAuth.Provider provider = new TestAuth.Provider("app-1", TestAuth.APP_IDENTITY);
        try (StubErs stub = new StubErs().then(401, StubErs.outcome("NO_ACCESS")).then(200, StubErs.referral(UBRN, 1, "BOOKED"))
                .then(401, StubErs.outcome("NO_ACCESS")).then(401, StubErs.outcome("NO_ACCESS"));
             ErsFixture ers = fixture(stub, ErsFixture.providerClinician(), settings(), provider)) {
            assertThat(ers.client.retrieve(new Ubrn(UBRN), CallContext.of(null, "test"))).isInstanceOf(ErsResult.Done.class);
            assertThat(provider.invalidations).hasValue(1);

            ErsResult<ErsReferral> second = ers.client.retrieve(new Ubrn(UBRN), CallContext.of(null, "test"));
            assertThat(second).isInstanceOfSatisfying(ErsResult.Refused.class, x -> {
                assertThat(x.status()).isEqualTo(401);
                assertThat(x.code()).isEqualTo("NO_ACCESS");
            });
            assertThat(stub.seen).hasSize(4);
        }
    }

    @Test
    void anAnswerOverTheCapIsNotReadAndNotRetried() throws Exception {
        String big = StubErs.referral(UBRN, 1, "BOOKED").replace("\"intent\"", "\"description\":\"" + "x".repeat(4000) + "\",\"intent\"");
        try (StubErs stub = new StubErs().then(200, big);
             ErsFixture ers = fixture(stub, ErsFixture.providerClinician(), settings().withTimeouts(Duration.ofSeconds(5), 2048),
                     new TestAuth.Provider("app-1", TestAuth.APP_IDENTITY))) {
            ErsResult<ErsReferral> r = ers.client.retrieve(new Ubrn(UBRN), CallContext.of(null, "test"));
            assertThat(r).isInstanceOfSatisfying(ErsResult.Failed.class, f -> assertThat(f.failure().code()).isEqualTo("RESPONSE_TOO_LARGE"));
            assertThat(stub.seen).hasSize(1);
            assertThat(ErsFixture.response(ers.calls().get(0)).detail()).contains("no answer (RESPONSE_TOO_LARGE)");
        }
    }
}
