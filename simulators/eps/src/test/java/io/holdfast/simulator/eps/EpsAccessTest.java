package io.holdfast.simulator.eps;

import static io.holdfast.simulator.eps.EpsClient.code;
import static io.holdfast.simulator.eps.EpsClient.json;
import static io.holdfast.simulator.eps.EpsMessages.NOMINATED;
import static io.holdfast.simulator.eps.EpsMessages.PRESCRIPTION;
import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.simulator.apim.ApimSimulator;
import io.holdfast.simulator.apim.JwtSigner;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Parameter BearerAuthorization (401 ACCESS_DENIED), "Security and authorisation" (user-restricted except releasing
 * nominated prescriptions: 403 FORBIDDEN), parameter RoleId ({@code NHSD-Session-URID}, optional, digits) and the
 * route table (404 NOT_FOUND).
 */
class EpsAccessTest {
    private static final String PROCESS = "/$process-message";

    @Test
    void withATokenValidatorAMissingOrUnknownTokenIs401AccessDenied() {
        try (EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.builder().tokenValidator("good"::equals).build())) {
            HttpResponse<String> missing = new EpsClient(sim).post(PROCESS, EpsMessages.order(PRESCRIPTION));
            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(code(missing)).isEqualTo("ACCESS_DENIED");
            assertThat(new EpsClient(sim).with("Authorization", "Bearer bad").post(PROCESS, EpsMessages.order(PRESCRIPTION)).statusCode())
                    .isEqualTo(401);
            assertThat(new EpsClient(sim).with("Authorization", "Basic Zm9vOmJhcg==").post(PROCESS, EpsMessages.order(PRESCRIPTION))
                    .statusCode()).isEqualTo(401);
            assertThat(sim.counters().storedPrescriptions()).isZero();
            assertThat(new EpsClient(sim).with("Authorization", "Bearer good").post(PROCESS, EpsMessages.order(PRESCRIPTION)).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void tokensIssuedByTheApimSimulatorAreAcceptedUntilRevoked() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair key = g.generateKeyPair();
        try (ApimSimulator apim = ApimSimulator.builder().start();
             EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.builder().tokenValidator(apim::isActiveToken).build())) {
            apim.registerApplication("eps-app", "k1", key.getPublic());
            String token = EpsClient.JSON.readTree(tokenResponse(apim, key)).path("access_token").asText();
            EpsClient client = new EpsClient(sim).with("Authorization", "Bearer " + token);
            assertThat(client.post(PROCESS, EpsMessages.order(PRESCRIPTION)).statusCode()).isEqualTo(200);
            apim.revokeTokens();
            assertThat(client.get("/Task?identifier=" + PRESCRIPTION).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void applicationRestrictedCallersMayOnlyReleaseNominatedPrescriptions() {
        try (EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.builder().callers(t -> Optional.of(t.equals("app")
                ? EpsCaller.applicationRestricted("dispenser-app") : EpsCaller.userRestricted("prescriber-app"))).build())) {
            EpsClient app = new EpsClient(sim).with("Authorization", "Bearer app");
            EpsClient user = new EpsClient(sim).with("Authorization", "Bearer user");
            HttpResponse<String> order = app.post(PROCESS, EpsMessages.order(PRESCRIPTION));
            assertThat(order.statusCode()).isEqualTo(403);
            assertThat(code(order)).isEqualTo("FORBIDDEN");
            assertThat(sim.counters().storedPrescriptions()).isZero();
            assertThat(user.post(PROCESS, EpsMessages.order(PRESCRIPTION)).statusCode()).isEqualTo(200);
            assertThat(code(app.post(PROCESS, EpsMessages.cancel(PRESCRIPTION)))).isEqualTo("FORBIDDEN");
            assertThat(code(app.post("/$prepare", EpsMessages.order(PRESCRIPTION)))).isEqualTo("FORBIDDEN");
            assertThat(code(app.post("/Claim", EpsMessages.claim(PRESCRIPTION)))).isEqualTo("FORBIDDEN");
            assertThat(code(app.get("/Task?identifier=" + PRESCRIPTION))).isEqualTo("FORBIDDEN");
            assertThat(code(app.post("/Task/$release", EpsMessages.release(NOMINATED, PRESCRIPTION)))).isEqualTo("FORBIDDEN");
            HttpResponse<String> nominated = app.post("/Task/$release", EpsMessages.release(NOMINATED, null));
            assertThat(nominated.statusCode()).isEqualTo(200);
            assertThat(json(nominated).path("total").asInt()).isEqualTo(1);
        }
    }

    @Test
    void accessModesCanBeRelaxed() {
        try (EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.builder()
                .callers(t -> Optional.of(EpsCaller.applicationRestricted(t))).enforceAccessModes(false).build())) {
            assertThat(new EpsClient(sim).with("Authorization", "Bearer app").post(PROCESS, EpsMessages.order(PRESCRIPTION)).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aSessionUridThatIsNotDigitsIsInvalidValueAndDigitsOrNoneAreAccepted() {
        try (EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.defaults())) {
            EpsClient client = new EpsClient(sim);
            HttpResponse<String> bad = client.post(PROCESS, EpsClient.write(EpsMessages.order(PRESCRIPTION)),
                    Map.of("X-Request-ID", EpsClient.newRequestId(), "NHSD-Session-URID", "role-1"));
            assertThat(bad.statusCode()).isEqualTo(400);
            assertThat(code(bad)).isEqualTo("INVALID_VALUE");
            assertThat(client.post(PROCESS, EpsClient.write(EpsMessages.order(PRESCRIPTION)),
                    Map.of("X-Request-ID", EpsClient.newRequestId(), "NHSD-Session-URID", "555254240100")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void openAccessNeedsNoTokenButAMalformedAuthorizationIs401() {
        try (EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.defaults())) {
            assertThat(new EpsClient(sim).post(PROCESS, EpsMessages.order(PRESCRIPTION)).statusCode()).isEqualTo(200);
            HttpResponse<String> r = new EpsClient(sim).with("Authorization", "Basic Zm9vOmJhcg==").get("/Task?identifier=" + PRESCRIPTION);
            assertThat(r.statusCode()).isEqualTo(401);
            assertThat(code(r)).isEqualTo("ACCESS_DENIED");
        }
    }

    @Test
    void aBodyAboveTheCapIs413() {
        try (EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.builder().maxBodyBytes(1024).build())) {
            HttpResponse<String> r = new EpsClient(sim).post(PROCESS, EpsMessages.order(PRESCRIPTION));
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(sim.counters().storedPrescriptions()).isZero();
        }
    }

    @Test
    void unknownRoutesAndWrongMethodsAreNotFound() {
        try (EpsSimulator sim = EpsSimulator.start(EpsSimulatorConfig.defaults())) {
            EpsClient client = new EpsClient(sim);
            HttpResponse<String> unknown = client.post("/Patient", EpsMessages.order(PRESCRIPTION));
            assertThat(unknown.statusCode()).isEqualTo(404);
            assertThat(code(unknown)).isEqualTo("NOT_FOUND");
            assertThat(client.get("/$process-message").statusCode()).isEqualTo(404);
            assertThat(client.post("/Task", EpsMessages.order(PRESCRIPTION)).statusCode()).as("return/withdraw not simulated")
                    .isEqualTo(404);
            assertThat(sim.serviceUrl()).endsWith("/electronic-prescriptions");
            assertThat(sim.fhirBaseUrl()).isEqualTo(sim.serviceUrl() + "/FHIR/R4");
        }
    }

    private static String tokenResponse(ApimSimulator apim, KeyPair key) throws Exception {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("iss", "eps-app", "sub", "eps-app", "aud", apim.tokenUrl(),
                "jti", UUID.randomUUID().toString(), "exp", Instant.now().getEpochSecond() + 240));
        String assertion = JwtSigner.sign(Map.of("alg", "RS512", "typ", "JWT", "kid", "k1"), claims, key.getPrivate());
        String form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(apim.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
