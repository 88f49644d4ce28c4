package io.holdfast.simulator.ers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.simulator.apim.AccessTokenGrant;
import io.holdfast.simulator.apim.ApimSimulator;
import io.holdfast.simulator.apim.JwtSigner;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The sandbox component: config validation, and bearer tokens checked against the APIM simulator's introspection. */
class ErsSimulatorComponentTest {
    private static final String REFERRAL = "/referrals/FHIR/STU3/ReferralRequest/000000070000";

    private static ErsSimulatorComponent.Config config(String authentication, int port) {
        return new ErsSimulatorComponent.Config() {
            public String host() { return "127.0.0.1"; }
            public int port() { return port; }
            public String authentication() { return authentication; }
            public boolean requireRequestId() { return true; }
            public Class<? extends Annotation> annotationType() { return ErsSimulatorComponent.Config.class; }
        };
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int send(int port, String method, String path, String token, boolean userHeaders) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("X-Request-ID", UUID.randomUUID().toString());
        if (userHeaders) {
            b.header("NHSD-eRS-Business-Function", "SERVICE_PROVIDER_CLINICIAN").header("NHSD-End-User-Organisation-ODS", "R69");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (method.equals("POST")) {
            b.header("If-Match", "W/\"5\"").header("Content-Type", "application/fhir+json").POST(HttpRequest.BodyPublishers.noBody());
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anUnknownAuthenticationModeOrPortFailsActivationNamingPidKeyAndAllowedValues() {
        assertThatThrownBy(() -> new ErsSimulatorComponent().activate(config("open", 0)))
                .hasMessageContaining("io.holdfast.simulator.ers").hasMessageContaining("'authentication'").hasMessageContaining("apim, none");
        assertThatThrownBy(() -> new ErsSimulatorComponent().activate(config("none", 70000)))
                .hasMessageContaining("io.holdfast.simulator.ers").hasMessageContaining("'port'").hasMessageContaining("0 to 65535");
    }

    @Test
    void noneModeNeedsNoToken() throws Exception {
        int port = freePort();
        ErsSimulatorComponent component = new ErsSimulatorComponent();
        component.activate(config("none", port));
        try {
            assertThat(send(port, "GET", REFERRAL, null, true)).isEqualTo(200);
            assertThat(component.simulator().port()).isEqualTo(port);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void apimModeAcceptsOnlyTokensTheApimServiceKnowsAndRefusesAllWithoutIt() throws Exception {
        int port = freePort();
        ErsSimulatorComponent component = new ErsSimulatorComponent();
        component.activate(config("apim", port));
        try {
            assertThat(send(port, "GET", REFERRAL, "t1", true)).isEqualTo(401);
            component.apim = token -> token.equals("t1") ? Optional.of(new AccessTokenGrant("app", Optional.of("user"))) : Optional.empty();
            assertThat(send(port, "GET", REFERRAL, "t1", true)).isEqualTo(200);
            assertThat(send(port, "GET", REFERRAL, "t2", true)).isEqualTo(401);
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
        ErsSimulatorComponent component = new ErsSimulatorComponent();
        try (ApimSimulator apim = ApimSimulator.builder().start()) {
            apim.registerApplication("ers-app", "k1", key.getPublic());
            component.apim = apim;
            component.activate(config("apim", port));
            String appToken = token(apim, key, Map.of("grant_type", "client_credentials"));
            String userToken = token(apim, key, Map.of("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange",
                    "subject_token_type", "urn:ietf:params:oauth:token-type:id_token",
                    "subject_token", apim.cis2().issueIdToken("555021935107", "ers-app", Duration.ofMinutes(5))));
            String accept = REFERRAL + "/$ers.acceptReferral";

            assertThat(send(port, "GET", REFERRAL, appToken, false)).isEqualTo(200);
            assertThat(send(port, "POST", accept, appToken, false)).as("A013: healthcare worker access only").isEqualTo(403);
            assertThat(send(port, "POST", accept, userToken, true)).isEqualTo(200);
        } finally {
            component.deactivate();
        }
    }

    private static String token(ApimSimulator apim, KeyPair key, Map<String, String> grant) throws Exception {
        String assertion = JwtSigner.sign(Map.of("alg", "RS512", "typ", "JWT", "kid", "k1"), Map.of("iss", "ers-app", "sub", "ers-app",
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
}
