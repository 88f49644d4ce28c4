package io.holdfast.simulator.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.simulator.apim.AccessTokenGrant;
import io.holdfast.simulator.apim.ApimSimulator;
import io.holdfast.simulator.apim.JwtSigner;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PdsSimulatorComponentTest {

    private static PdsSimulatorComponent.Config config(String authentication, int port, int rate) {
        return new PdsSimulatorComponent.Config() {
            public String host() { return "127.0.0.1"; }
            public int port() { return port; }
            public String authentication() { return authentication; }
            public int rateLimitPerSecond() { return rate; }
            public int populationSize() { return 10; }
            public long populationSeed() { return 1; }
            public Class<? extends Annotation> annotationType() { return PdsSimulatorComponent.Config.class; }
        };
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int get(int port, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/personal-demographics/FHIR/R4/Patient/9000000009")).header("X-Request-ID", UUID.randomUUID().toString())
                .header("NHSD-Session-URID", "555021935107");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anUnknownAuthenticationModeFailsActivationNamingPidKeyAndAllowedValues() {
        assertThatThrownBy(() -> new PdsSimulatorComponent().activate(config("none", 0, 5)))
                .hasMessageContaining("io.holdfast.simulator.pds").hasMessageContaining("'authentication'")
                .hasMessageContaining("apim, open");
        assertThatThrownBy(() -> new PdsSimulatorComponent().activate(config("open", 0, -1)))
                .hasMessageContaining("'rateLimitPerSecond'");
    }

    @Test
    void apimModeAcceptsOnlyTokensTheApimServiceKnowsAndRefusesAllWithoutIt() throws Exception {
        int port = freePort();
        PdsSimulatorComponent component = new PdsSimulatorComponent();
        component.activate(config("apim", port, 0));
        try {
            assertThat(get(port, "t1")).isEqualTo(401);
            component.apim = token -> token.equals("t1") ? Optional.of(new AccessTokenGrant("app", Optional.of("user")))
                    : Optional.empty();
            assertThat(get(port, "t1")).isEqualTo(200);
            assertThat(get(port, "t2")).isEqualTo(401);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void apimClientCredentialsTokensAreApplicationRestrictedAndCis2ExchangeTokensUserRestricted() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair key = g.generateKeyPair();
        int port = freePort();
        PdsSimulatorComponent component = new PdsSimulatorComponent();
        try (ApimSimulator apim = ApimSimulator.builder().start()) {
            apim.registerApplication("pds-app", "k1", key.getPublic());
            component.apim = apim;
            component.activate(config("apim", port, 0));
            String appToken = token(apim, key, Map.of("grant_type", "client_credentials"));
            String userToken = token(apim, key, Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                    "subject_token_type", "urn:ietf:params:oauth:token-type:id_token",
                    "subject_token", apim.cis2().issueIdToken("555021935107", "pds-app", Duration.ofMinutes(5))));

            assertThat(get(port, appToken)).isEqualTo(200);
            assertThat(patchGender(port, appToken)).as("patient-patch.yaml: updates need healthcare-worker access").isEqualTo(403);
            assertThat(patchGender(port, userToken)).isEqualTo(200);
        } finally {
            component.deactivate();
        }
    }

    private static String token(ApimSimulator apim, KeyPair key, Map<String, String> grant) throws Exception {
        String assertion = JwtSigner.sign(Map.of("alg", "RS512", "typ", "JWT", "kid", "k1"), Map.of("iss", "pds-app", "sub", "pds-app",
                "aud", apim.tokenUrl(), "jti", UUID.randomUUID().toString(), "exp", Instant.now().getEpochSecond() + 240), key.getPrivate());
        Map<String, String> form = new LinkedHashMap<>(grant);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apim.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new ObjectMapper().readTree(r.body()).path("access_token").asText();
    }

    private static int patchGender(int port, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/personal-demographics/FHIR/R4/Patient/9000000009"))
                .header("X-Request-ID", UUID.randomUUID().toString()).header("Authorization", "Bearer " + token)
                .header("NHSD-Session-URID", "555021935107").header("If-Match", "W/\"2\"").header("Content-Type", "application/json-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"patches\":[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]}"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
