package io.holdfast.simulator.apim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApimSimulatorTest {
    private static final String API_KEY = "sim-app-api-key";
    private static final String KID = "test-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KeyPair appKey;
    private static KeyPair otherKey;
    private static ApimSimulator sim;

    @BeforeAll
    static void start() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        appKey = g.generateKeyPair();
        otherKey = g.generateKeyPair();
        sim = ApimSimulator.builder().start();
        sim.registerApplication(API_KEY, KID, appKey.getPublic());
        sim.registerApplication("second-app", "k2", otherKey.getPublic());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private static Map<String, Object> header() {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("alg", "RS512");
        h.put("typ", "JWT");
        h.put("kid", KID);
        return h;
    }

    private static Map<String, Object> claims() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("iss", API_KEY);
        c.put("sub", API_KEY);
        c.put("aud", sim.tokenUrl());
        c.put("jti", UUID.randomUUID().toString());
        c.put("exp", now + 240);
        return c;
    }

    private static Map<String, String> form(String assertion) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "client_credentials");
        f.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        f.put("client_assertion", assertion);
        return f;
    }

    static HttpResponse<String> post(Map<String, String> form, String contentType) throws Exception {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return HTTP.send(HttpRequest.newBuilder(URI.create(sim.tokenUrl())).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(Map<String, String> form) throws Exception {
        return post(form, "application/x-www-form-urlencoded");
    }

    private static HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.baseUrl() + path)).GET();
        if (header != null) {
            b.header(header, value);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void validAssertionGetsATokenThatOpensTheProtectedResource() throws Exception {
        HttpResponse<String> r = post(form(JwtSigner.sign(header(), claims(), appKey.getPrivate())));
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode body = json(r);
        assertThat(body.get("expires_in").isTextual()).isTrue();
        assertThat(body.get("expires_in").asText()).isEqualTo("599");
        assertThat(body.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
        String token = body.get("access_token").asText();
        assertThat(get("/protected/ping", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        assertThat(get("/protected/ping", "Authorization", "Bearer nope").statusCode()).isEqualTo(401);
        assertThat(get("/protected/ping", null, null).headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(get("/apikey/ping", "apikey", API_KEY).statusCode()).isEqualTo(200);
        assertThat(get("/apikey/ping", "apikey", "unknown").statusCode()).isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "alg RS256|400|invalid_request|Invalid 'alg' header in JWT - unsupported JWT algorithm - must be 'RS512'",
        "no kid|400|invalid_request|Missing 'kid' header in JWT",
        "unknown kid|401|invalid_client|Invalid 'kid' header in JWT - no matching public key",
        "iss differs from sub|400|invalid_request|Missing or non-matching iss/sub claims in JWT",
        "no sub|400|invalid_request|Missing or non-matching iss/sub claims in JWT",
        "unknown api key|401|invalid_client|Invalid iss/sub claims in JWT - no application has this API key",
        "signed with another key|401|invalid_client|Invalid JWT signature",
        "kid of another app|401|invalid_client|Invalid 'kid' header in JWT - no matching public key",
        "wrong aud|401|invalid_client|Missing or invalid aud claim in JWT",
        "expired|401|invalid_client|Invalid exp claim in JWT - JWT has expired",
        "exp 6 minutes ahead|400|invalid_request|Invalid exp claim in JWT - more than 5 minutes in future",
        "no exp|400|invalid_request|Missing exp claim in JWT",
        "no jti|400|invalid_request|Missing jti claim in JWT",
    })
    void eachRuleIsEnforcedWithAnOAuthError(String mutation, int status, String error, String description) throws Exception {
        Map<String, Object> h = header();
        Map<String, Object> c = claims();
        java.security.PrivateKey key = appKey.getPrivate();
        long now = Instant.now().getEpochSecond();
        switch (mutation) {
            case "alg RS256" -> h.put("alg", "RS256");
            case "no kid" -> h.remove("kid");
            case "unknown kid" -> h.put("kid", "nope");
            case "iss differs from sub" -> c.put("sub", "someone-else");
            case "no sub" -> c.remove("sub");
            case "unknown api key" -> {
                c.put("iss", "unknown-key");
                c.put("sub", "unknown-key");
            }
            case "signed with another key" -> key = otherKey.getPrivate();
            case "kid of another app" -> h.put("kid", "k2");
            case "wrong aud" -> c.put("aud", "https://elsewhere.example/oauth2/token");
            case "expired" -> c.put("exp", now - 10);
            case "exp 6 minutes ahead" -> c.put("exp", now + 360);
            case "no exp" -> c.remove("exp");
            case "no jti" -> c.remove("jti");
            default -> throw new IllegalArgumentException(mutation);
        }
        HttpResponse<String> r = post(form(JwtSigner.sign(h, c, key)));
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(json(r).get("error").asText()).isEqualTo(error);
        assertThat(json(r).get("error_description").asText()).contains(description);
    }

    @Test
    void jtiIsSingleUse() throws Exception {
        Map<String, Object> c = claims();
        assertThat(post(form(JwtSigner.sign(header(), c, appKey.getPrivate()))).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = post(form(JwtSigner.sign(header(), c, appKey.getPrivate())));
        assertThat(replay.statusCode()).isEqualTo(400);
        assertThat(json(replay).get("error_description").asText()).isEqualTo("Non-unique jti claim in JWT");
    }

    @Test
    void malformedRequestsAreInvalidRequests() throws Exception {
        String good = JwtSigner.sign(header(), claims(), appKey.getPrivate());
        Map<String, String> f = form(good);
        f.put("grant_type", "password");
        assertThat(json(post(f)).get("error").asText()).isEqualTo("unsupported_grant_type");
        f = form(good);
        f.remove("grant_type");
        assertThat(json(post(f)).get("error_description").asText()).isEqualTo("Missing grant_type");
        f = form(good);
        f.put("client_assertion_type", "urn:other");
        assertThat(json(post(f)).get("error_description").asText()).startsWith("Missing or invalid client_assertion_type");
        f = form(good);
        f.remove("client_assertion");
        assertThat(json(post(f)).get("error_description").asText()).isEqualTo("Missing client_assertion");
        assertThat(json(post(form("not.a-jwt"))).get("error_description").asText()).isEqualTo("Malformed JWT in client_assertion");
        HttpResponse<String> wrongType = post(form(good), "application/json");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(json(wrongType).get("error_description").asText()).contains("Content-Type must be application/x-www-form-urlencoded");
    }

    @Test
    void cis2TokenExchange() throws Exception {
        String idToken = sim.cis2().issueIdToken("555021935107", API_KEY, Duration.ofMinutes(10));
        Map<String, String> f = form(JwtSigner.sign(header(), claims(), appKey.getPrivate()));
        f.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        f.put("subject_token_type", "urn:ietf:params:oauth:token-type:id_token");
        f.put("subject_token", idToken);
        HttpResponse<String> r = post(f);
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).get("issued_token_type").asText()).isEqualTo("urn:ietf:params:oauth:token-type:access_token");
        HttpResponse<String> ping = get("/protected/ping", "Authorization", "Bearer " + json(r).get("access_token").asText());
        assertThat(json(ping).get("user").asText()).isEqualTo("555021935107");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no subject token|Missing subject_token",
        "wrong subject token type|Missing or invalid subject_token_type",
        "token for another app|Invalid subject_token - aud is not the requesting application",
        "expired token|Invalid subject_token - expired",
        "forged token|Invalid subject_token - signature does not verify with the CIS2 key",
    })
    void cis2ExchangeRejections(String mutation, String description) throws Exception {
        String subject = switch (mutation) {
            case "token for another app" -> sim.cis2().issueIdToken("u1", "second-app", Duration.ofMinutes(10));
            case "expired token" -> sim.cis2().issueIdToken("u1", API_KEY, Duration.ofSeconds(-5));
            case "forged token" -> JwtSigner.sign(Map.of("alg", "RS512"), Map.of("iss", sim.cis2().issuer(), "sub", "u1",
                    "aud", API_KEY, "exp", Instant.now().getEpochSecond() + 600), appKey.getPrivate());
            default -> sim.cis2().issueIdToken("u1", API_KEY, Duration.ofMinutes(10));
        };
        Map<String, String> f = form(JwtSigner.sign(header(), claims(), appKey.getPrivate()));
        f.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        f.put("subject_token_type", mutation.equals("wrong subject token type") ? "urn:x" : "urn:ietf:params:oauth:token-type:id_token");
        if (!mutation.equals("no subject token")) {
            f.put("subject_token", subject);
        }
        HttpResponse<String> r = post(f);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(json(r).get("error").asText()).isEqualTo("invalid_request");
        assertThat(json(r).get("error_description").asText()).contains(description);
    }

    @Test
    void faultsAndRevocation() throws Exception {
        sim.faults().failNextTokenRequests(1, 503, "temporarily_unavailable", "simulated outage");
        HttpResponse<String> failed = post(form(JwtSigner.sign(header(), claims(), appKey.getPrivate())));
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(json(failed).get("error").asText()).isEqualTo("temporarily_unavailable");
        HttpResponse<String> ok = post(form(JwtSigner.sign(header(), claims(), appKey.getPrivate())));
        assertThat(ok.statusCode()).isEqualTo(200);
        String token = json(ok).get("access_token").asText();
        sim.revokeTokens();
        assertThat(get("/protected/ping", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
        assertThat(sim.tokenRequests()).isPositive();
    }

    @Test
    void introspectionNamesTheApplicationAndTheCis2UserOfActiveTokensOnly() throws Exception {
        String appToken = json(post(form(JwtSigner.sign(header(), claims(), appKey.getPrivate())))).get("access_token").asText();
        Map<String, String> f = form(JwtSigner.sign(header(), claims(), appKey.getPrivate()));
        f.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        f.put("subject_token_type", "urn:ietf:params:oauth:token-type:id_token");
        f.put("subject_token", sim.cis2().issueIdToken("555021935107", API_KEY, Duration.ofMinutes(10)));
        String userToken = json(post(f)).get("access_token").asText();

        assertThat(sim.introspect(appToken)).contains(new AccessTokenGrant(API_KEY, java.util.Optional.empty()));
        assertThat(sim.introspect(userToken)).hasValueSatisfying(g -> {
            assertThat(g.userRestricted()).isTrue();
            assertThat(g.user()).contains("555021935107");
        });
        assertThat(sim.isActiveToken("never-issued")).isFalse();
        assertThat(sim.isActiveToken("")).isFalse();
        assertThat(sim.introspect(null)).isEmpty();
    }
}
