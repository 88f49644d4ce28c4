package io.holdfast.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.holdfast.http.testing.TestCalls;
import io.holdfast.http.testing.TestTokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bearer JWTs against a JWKS file and URL: each algorithm, each claim rule, key rotation and caching. */
class JwtBearerAuthenticatorTest {
    private static final String ISS = "https://auth.trust.example";
    private static final String AUD = "holdfast-fhir";
    private static final JwtPolicy POLICY = new JwtPolicy(ISS, AUD, JwtPolicy.SUPPORTED_ALGORITHMS, Duration.ofSeconds(30));
    private static KeyPair rsa;
    private static KeyPair ec;
    private static KeyPair otherRsa;

    @TempDir
    Path dir;

    @BeforeAll
    static void keys() throws Exception {
        rsa = TestTokens.rsa();
        ec = TestTokens.ec();
        otherRsa = TestTokens.rsa();
    }

    private JwtBearerAuthenticator fileAuthenticator() throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestTokens.jwks(TestTokens.jwk("rsa-1", rsa), TestTokens.jwk("ec-1", ec)));
        return new JwtBearerAuthenticator(JwksSource.file(jwks), POLICY, Clock.systemUTC());
    }

    private static AuthOutcome present(JwtBearerAuthenticator auth, String token) {
        return auth.authenticate(TestCalls.withHeaders(Map.of("Authorization", "Bearer " + token)));
    }

    private static String reason(AuthOutcome outcome) {
        assertThat(outcome).isInstanceOf(AuthOutcome.Denied.class);
        return ((AuthOutcome.Denied) outcome).reason();
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS256", "RS512", "ES256"})
    void aValidTokenIsAcceptedWithSubjectAndKeyId(String alg) throws Exception {
        String kid = alg.startsWith("RS") ? "rsa-1" : "ec-1";
        String token = TestTokens.sign(alg, kid, alg.startsWith("RS") ? rsa : ec, TestTokens.claims(ISS, AUD, "pas-client", 300));

        AuthOutcome outcome = present(fileAuthenticator(), token);

        assertThat(outcome).isInstanceOf(AuthOutcome.Authenticated.class);
        var identity = ((AuthOutcome.Authenticated) outcome).identity();
        assertThat(identity.entryId()).isEqualTo("jwt:pas-client");
        assertThat(identity.keyId()).contains(kid);
        assertThat(identity.describe()).doesNotContain(token);
    }

    @Test
    void anExpiredTokenIsRefused() throws Exception {
        String token = TestTokens.sign("RS256", "rsa-1", rsa, TestTokens.claims(ISS, AUD, "pas", -120));
        assertThat(reason(present(fileAuthenticator(), token))).isEqualTo("token expired");
    }

    @Test
    void aTokenForAnotherAudienceOrIssuerIsRefused() throws Exception {
        JwtBearerAuthenticator auth = fileAuthenticator();
        assertThat(reason(present(auth, TestTokens.sign("RS256", "rsa-1", rsa, TestTokens.claims(ISS, "other-api", "pas", 300)))))
                .contains("audience");
        assertThat(reason(present(auth, TestTokens.sign("RS256", "rsa-1", rsa, TestTokens.claims("https://evil", AUD, "pas", 300)))))
                .contains("issuer");
    }

    @Test
    void anAudienceArrayContainingOursIsAccepted() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String claims = "{\"iss\":\"" + ISS + "\",\"aud\":[\"x\",\"" + AUD + "\"],\"sub\":\"pas\",\"exp\":" + (now + 300) + "}";
        assertThat(present(fileAuthenticator(), TestTokens.sign("ES256", "ec-1", ec, claims))).isInstanceOf(AuthOutcome.Authenticated.class);
    }

    @Test
    void aTokenNotYetValidIsRefused() throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String claims = "{\"iss\":\"" + ISS + "\",\"aud\":\"" + AUD + "\",\"sub\":\"pas\",\"nbf\":" + (now + 600) + ",\"exp\":" + (now + 900) + "}";
        assertThat(reason(present(fileAuthenticator(), TestTokens.sign("RS256", "rsa-1", rsa, claims)))).contains("nbf");
    }

    @Test
    void aBadSignatureIsRefused() throws Exception {
        String forged = TestTokens.sign("RS256", "rsa-1", otherRsa, TestTokens.claims(ISS, AUD, "pas", 300));
        String good = TestTokens.sign("RS256", "rsa-1", rsa, TestTokens.claims(ISS, AUD, "pas", 300));
        String tampered = good.substring(0, good.indexOf('.') + 1)
                + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(TestTokens.claims(ISS, AUD, "admin", 300).getBytes(StandardCharsets.UTF_8))
                + good.substring(good.lastIndexOf('.'));
        JwtBearerAuthenticator auth = fileAuthenticator();

        assertThat(reason(present(auth, forged))).isEqualTo("token signature does not verify");
        assertThat(reason(present(auth, tampered))).isEqualTo("token signature does not verify");
    }

    @Test
    void unsignedAndHmacTokensAndMissingHeadersAreRefused() throws Exception {
        var b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        String body = b64.encodeToString(TestTokens.claims(ISS, AUD, "pas", 300).getBytes(StandardCharsets.UTF_8));
        JwtBearerAuthenticator auth = fileAuthenticator();

        assertThat(reason(present(auth, b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + body + ".")))
                .contains("'none' not allowed");
        assertThat(reason(present(auth, b64.encodeToString("{\"alg\":\"HS256\",\"kid\":\"rsa-1\"}".getBytes(StandardCharsets.UTF_8)) + "." + body + ".c2ln")))
                .contains("'HS256' not allowed");
        assertThat(reason(present(auth, "not-a-jwt"))).contains("three");
        assertThat(reason(auth.authenticate(TestCalls.withHeaders(Map.of())))).isEqualTo("no bearer token");
        assertThat(reason(auth.authenticate(TestCalls.withHeaders(Map.of("Authorization", "Basic dXNlcjpwdw==")))))
                .isEqualTo("no bearer token");
    }

    @Test
    void aRestrictedPolicyRefusesOtherAlgorithms() throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestTokens.jwks(TestTokens.jwk("rsa-1", rsa)));
        var rs512Only = new JwtBearerAuthenticator(JwksSource.file(jwks), new JwtPolicy(ISS, AUD, Set.of("RS512"), Duration.ZERO), Clock.systemUTC());
        assertThat(reason(present(rs512Only, TestTokens.sign("RS256", "rsa-1", rsa, TestTokens.claims(ISS, AUD, "pas", 300)))))
                .contains("'RS256' not allowed");
    }

    @Test
    void aReplacedJwksFileIsReadAgain() throws Exception {
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestTokens.jwks(TestTokens.jwk("rsa-1", rsa)));
        Files.setLastModifiedTime(jwks, FileTime.from(Instant.now().minusSeconds(60)));
        var auth = new JwtBearerAuthenticator(JwksSource.file(jwks), POLICY, Clock.systemUTC());
        String rotated = TestTokens.sign("RS256", "rsa-2", otherRsa, TestTokens.claims(ISS, AUD, "pas", 300));
        assertThat(present(auth, rotated)).isInstanceOf(AuthOutcome.Denied.class);

        Files.writeString(jwks, TestTokens.jwks(TestTokens.jwk("rsa-2", otherRsa)));
        Files.setLastModifiedTime(jwks, FileTime.from(Instant.now()));

        assertThat(present(auth, rotated)).isInstanceOf(AuthOutcome.Authenticated.class);
    }

    @Test
    void aJwksUrlIsCachedRefreshedForAnUnknownKidAndKeptWhenTheIssuerIsDown() throws Exception {
        AtomicReference<String> document = new AtomicReference<>(TestTokens.jwks(TestTokens.jwk("rsa-1", rsa)));
        AtomicInteger fetches = new AtomicInteger();
        AtomicInteger status = new AtomicInteger(200);
        HttpServer issuer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = document.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        issuer.start();
        try {
            MovableClock clock = new MovableClock(Instant.now());
            URI url = URI.create("http://127.0.0.1:" + issuer.getAddress().getPort() + "/jwks");
            var auth = new JwtBearerAuthenticator(JwksSource.url(url, Duration.ofMinutes(10), HttpClient.newHttpClient(), clock), POLICY, clock);
            String first = TestTokens.sign("RS256", "rsa-1", rsa, TestTokens.claims(ISS, AUD, "pas", 3600));

            assertThat(present(auth, first)).isInstanceOf(AuthOutcome.Authenticated.class);
            assertThat(present(auth, first)).isInstanceOf(AuthOutcome.Authenticated.class);
            assertThat(fetches).as("cached").hasValue(1);

            document.set(TestTokens.jwks(TestTokens.jwk("rsa-1", rsa), TestTokens.jwk("rsa-2", otherRsa)));
            clock.advance(Duration.ofSeconds(31));
            String rotated = TestTokens.sign("RS256", "rsa-2", otherRsa, TestTokens.claims(ISS, AUD, "pas", 3600));
            assertThat(present(auth, rotated)).isInstanceOf(AuthOutcome.Authenticated.class);
            assertThat(fetches).as("refetched once for the unknown kid").hasValue(2);

            String madeUp = TestTokens.sign("RS256", "rsa-9", otherRsa, TestTokens.claims(ISS, AUD, "pas", 3600));
            assertThat(present(auth, madeUp)).isInstanceOf(AuthOutcome.Denied.class);
            assertThat(present(auth, madeUp)).isInstanceOf(AuthOutcome.Denied.class);
            assertThat(fetches).as("unknown kids do not hammer the issuer").hasValue(2);

            status.set(500);
            clock.advance(Duration.ofMinutes(11));
            assertThat(present(auth, first)).as("the issuer is down: the keys fetched before still verify").isInstanceOf(AuthOutcome.Authenticated.class);
            assertThat(fetches).hasValue(3);
        } finally {
            issuer.stop(0);
        }
    }

    @Test
    void aJwksThatCannotBeReadDeniesWithoutThrowing() throws Exception {
        var auth = new JwtBearerAuthenticator(JwksSource.file(dir.resolve("missing.json")), POLICY, Clock.systemUTC());
        String token = TestTokens.sign("RS256", "rsa-1", rsa, TestTokens.claims(ISS, AUD, "pas", 300));
        assertThat(reason(present(auth, token))).isEqualTo("token issuer keys unavailable");
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
