package io.holdfast.simulator.pds;

import static io.holdfast.simulator.pds.PdsClient.diagnostics;
import static io.holdfast.simulator.pds.PdsClient.json;
import static io.holdfast.simulator.pds.PdsClient.spineCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.simulator.apim.ApimSimulator;
import io.holdfast.simulator.apim.JwtSigner;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens (401 ACCESS_DENIED), the rate limit (429 TOO_MANY_REQUESTS) and the 503 with Retry-After
 * of patient-get/search/patch.yaml; the APIM simulator issues the tokens as the platform does.
 */
class PdsAccessTest {
    private static final String PATIENT = "/Patient/9000000009";

    @Test
    void withATokenValidatorAMissingTokenIs401AccessDenied() {
        try (PdsSimulator sim = PdsSimulator.builder().tokenValidator(t -> t.equals("good")).start()) {
            HttpResponse<String> r = new PdsClient(sim).get(PATIENT);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(spineCode(r)).isEqualTo("ACCESS_DENIED");
            assertThat(diagnostics(r)).isEqualTo("Missing access token");
            assertThat(new PdsClient(sim).with("Authorization", "Basic Zm9vOmJhcg==").get(PATIENT).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void anUnknownTokenIs401AndAValidOneIsServed() {
        try (PdsSimulator sim = PdsSimulator.builder().tokenValidator(t -> t.equals("good")).start()) {
            HttpResponse<String> bad = new PdsClient(sim).with("Authorization", "Bearer nope").get(PATIENT);
            assertThat(bad.statusCode()).isEqualTo(401);
            assertThat(diagnostics(bad)).isEqualTo("Invalid Access Token");
            assertThat(new PdsClient(sim).with("Authorization", "Bearer good").get(PATIENT).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void tokensIssuedByTheApimSimulatorAreAcceptedUntilRevoked() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair key = g.generateKeyPair();
        try (ApimSimulator apim = ApimSimulator.builder().start();
             PdsSimulator sim = PdsSimulator.builder().tokenValidator(apim::isActiveToken).start()) {
            apim.registerApplication("pds-app", "k1", key.getPublic());
            String token = PdsClient.JSON.readTree(tokenResponse(apim, key)).path("access_token").asText();
            PdsClient client = new PdsClient(sim).with("Authorization", "Bearer " + token);
            assertThat(client.get(PATIENT).statusCode()).isEqualTo(200);
            apim.revokeTokens();
            assertThat(client.get(PATIENT).statusCode()).isEqualTo(401);
        }
    }

    private static String tokenResponse(ApimSimulator apim, KeyPair key) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("iss", "pds-app", "sub", "pds-app", "aud", apim.tokenUrl(),
                "jti", UUID.randomUUID().toString(), "exp", Instant.now().getEpochSecond() + 240));
        String assertion = JwtSigner.sign(Map.of("alg", "RS512", "typ", "JWT", "kid", "k1"), claims, key.getPrivate());
        String form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apim.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    @Test
    void anApplicationOverItsRateInAnySlidingSecondGets429() {
        AtomicLong nanos = new AtomicLong();
        try (PdsSimulator sim = PdsSimulator.builder().nanoTime(nanos::get).rateLimitPerSecond(5).start()) {
            PdsClient client = new PdsClient(sim);
            for (int i = 0; i < 5; i++) {
                nanos.addAndGet(100_000_000L);
                assertThat(client.get(PATIENT).statusCode()).isEqualTo(200);
            }
            HttpResponse<String> sixth = client.get(PATIENT);
            assertThat(sixth.statusCode()).isEqualTo(429);
            assertThat(spineCode(sixth)).isEqualTo("TOO_MANY_REQUESTS");
            nanos.addAndGet(650_000_000L); // t = 1.15 s: the first request (t = 0.1 s) has left the window
            assertThat(client.get(PATIENT).statusCode()).isEqualTo(200);
            assertThat(client.get(PATIENT).statusCode()).as("the second (t=0.2 s) is still inside").isEqualTo(429);
            assertThat(sim.throttled()).isEqualTo(2);
        }
    }

    @Test
    void eachApplicationHasItsOwnRate() {
        AtomicLong nanos = new AtomicLong();
        try (PdsSimulator sim = PdsSimulator.builder().nanoTime(nanos::get).rateLimitPerSecond(1)
                .callers(t -> Optional.of(PdsCaller.userRestricted(t))).requireSessionUrid(false).start()) {
            assertThat(new PdsClient(sim).with("Authorization", "Bearer app-a").get(PATIENT).statusCode()).isEqualTo(200);
            assertThat(new PdsClient(sim).with("Authorization", "Bearer app-a").get(PATIENT).statusCode()).isEqualTo(429);
            assertThat(new PdsClient(sim).with("Authorization", "Bearer app-b").get(PATIENT).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void injectedFailuresCarryTheApiCodeAndRetryAfterThenServiceResumes() {
        try (PdsSimulator sim = PdsSimulator.builder().start()) {
            sim.faults().failNextRequests(1, 503, OptionalInt.of(2));
            HttpResponse<String> r = new PdsClient(sim).get(PATIENT);
            assertThat(r.statusCode()).isEqualTo(503);
            assertThat(spineCode(r)).isEqualTo("SERVICE_UNAVAILABLE");
            assertThat(r.headers().firstValue("Retry-After")).contains("2");
            assertThat(new PdsClient(sim).get(PATIENT).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void injectedDelayHoldsTheAnswer() {
        try (PdsSimulator sim = PdsSimulator.builder().start()) {
            sim.faults().delayNextRequests(1, Duration.ofMillis(400));
            long start = System.nanoTime();
            assertThat(new PdsClient(sim).get(PATIENT).statusCode()).isEqualTo(200);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }
    }

    @Test
    void injectedResetDropsTheConnection() {
        try (PdsSimulator sim = PdsSimulator.builder().start()) {
            sim.faults().resetNextConnections(1);
            // a PATCH, because the JDK client silently retries a GET once on a dropped connection
            assertThatThrownBy(() -> new PdsClient(sim).patch("9000000009", "W/\"2\"", "{}")).isInstanceOf(UncheckedIOException.class);
            assertThat(new PdsClient(sim).get(PATIENT).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void requestBodiesOverTheCapAre413() {
        try (PdsSimulator sim = PdsSimulator.builder().maxBodyBytes(1024).start()) {
            String big = "{\"patches\":[{\"op\":\"add\",\"path\":\"/gender\",\"value\":\"" + "x".repeat(2000) + "\"}]}";
            assertThat(new PdsClient(sim).patch("9000000009", "W/\"2\"", big).statusCode()).isEqualTo(413);
            assertThat(json(new PdsClient(sim).get(PATIENT)).path("gender").asText()).isEqualTo("female");
        }
    }

    @Test
    void userRestrictedCallersMustSendTheirRoleIdAsDigits() {
        try (PdsSimulator sim = PdsSimulator.builder().callers(t -> Optional.of(t.equals("cis2")
                ? PdsCaller.userRestricted("app") : PdsCaller.applicationRestricted("app"))).start()) {
            HttpResponse<String> missing = new PdsClient(sim).with("Authorization", "Bearer cis2").get(PATIENT);
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(spineCode(missing)).isEqualTo("MISSING_VALUE");
            assertThat(diagnostics(missing)).contains("NHSD-Session-URID");
            HttpResponse<String> letters = new PdsClient(sim).with("Authorization", "Bearer cis2").with("NHSD-Session-URID", "R8000")
                    .get(PATIENT);
            assertThat(letters.statusCode()).isEqualTo(400);
            assertThat(spineCode(letters)).isEqualTo("INVALID_VALUE");
            assertThat(new PdsClient(sim).with("Authorization", "Bearer cis2").with("NHSD-Session-URID", "555021935107").get(PATIENT)
                    .statusCode()).isEqualTo(200);
            assertThat(new PdsClient(sim).with("Authorization", "Bearer app").get(PATIENT).statusCode())
                    .as("optional for application-restricted access").isEqualTo(200);
        }
    }
}
