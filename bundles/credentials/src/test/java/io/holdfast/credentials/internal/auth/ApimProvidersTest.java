package io.holdfast.credentials.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.UserTokenExchange;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.Activation;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.testing.TestKernel;
import io.holdfast.credentials.testing.TestPki;
import io.holdfast.simulator.apim.ApimSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The OAUTH2_SIGNED_JWT and CIS2_USER providers against the APIM simulator on a loopback port. */
class ApimProvidersTest {
    static final String API_KEY = "pds-app-api-key-0001";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TestKernel kernel = new TestKernel();
    private final TestPki pki = new TestPki(kernel.clock.instant());
    private final ApimSimulator sim = ApimSimulator.builder().clock(kernel.clock).start();
    private final SignedJwtAuthProvider provider = new SignedJwtAuthProvider(kernel.vault, kernel.clock, ApimSettings.defaults());
    private final DownstreamSystem pds = kernel.addSystem("pds-int", AuthPattern.OAUTH2_SIGNED_JWT, sim.baseUrl() + "/protected/ping");

    ApimProvidersTest() {
        importApp("pds-int", API_KEY, TestPki.OTHER_KEY, "test-1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    void importApp(String system, String apiKey, KeyPair key, String kid) {
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system(system), CredentialKind.API_KEY,
                List.of(apiKey.getBytes(StandardCharsets.UTF_8))));
        importJwtKey(system, key, kid, new Activation.Default());
        sim.registerApplication(apiKey, kid, key.getPublic());
    }

    void importJwtKey(String system, KeyPair key, String kid, Activation activation) {
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system(system), CredentialKind.JWT_SIGNING_KEY,
                List.of(TestPki.pem(key.getPrivate()))).withKeyId(kid).withActivation(activation));
    }

    static HttpResponse<String> call(String url, AuthMaterial material) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        ((AuthMaterial.Headers) material).headers().forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String bearer(AuthMaterial m) {
        return ((AuthMaterial.Headers) m).headers().get("Authorization");
    }

    @Test
    void tokenIsFetchedWithASignedAssertionCachedAndAccepted() throws Exception {
        AuthMaterial first = provider.authenticate(pds);
        assertThat(bearer(first)).startsWith("Bearer ");
        assertThat(first.identity().describe()).isEqualTo("pds-int@v1 kid:test-1");
        assertThat(((AuthMaterial.Headers) first).validUntil()).isEqualTo(kernel.clock.instant().plusSeconds(599 - 60));
        assertThat(first.toString()).doesNotContain(bearer(first).substring(7));
        assertThat(call(pds.endpoint(), first).statusCode()).isEqualTo(200);

        AuthMaterial again = provider.authenticate(pds);
        assertThat(bearer(again)).isEqualTo(bearer(first));
        assertThat(sim.tokenRequests()).isEqualTo(1);

        kernel.clock.advance(Duration.ofSeconds(540));
        assertThat(bearer(provider.authenticate(pds))).as("refetched shortly before expires_in").isNotEqualTo(bearer(first));
        assertThat(sim.tokenRequests()).isEqualTo(2);
    }

    @Test
    void oneRefreshAfterA401() throws Exception {
        AuthMaterial first = provider.authenticate(pds);
        sim.revokeTokens();
        assertThat(call(pds.endpoint(), first).statusCode()).isEqualTo(401);
        provider.invalidate(pds);
        AuthMaterial fresh = provider.authenticate(pds);
        assertThat(bearer(fresh)).isNotEqualTo(bearer(first));
        assertThat(call(pds.endpoint(), fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void keyRotationUsesTheNewKidOnceActive() throws Exception {
        provider.authenticate(pds);
        importJwtKey("pds-int", TestPki.CLIENT_KEY, "test-2", new Activation.Default());
        assertThat(provider.authenticate(pds).identity().describe()).as("pending: old key still in use").endsWith("kid:test-1");
        sim.registerApplication(API_KEY, "test-2", TestPki.CLIENT_KEY.getPublic());
        kernel.vault.activate(CredentialTarget.system("pds-int"), java.util.Optional.of(CredentialKind.JWT_SIGNING_KEY), 2,
                java.util.Optional.empty());
        AuthMaterial rotated = provider.authenticate(pds);
        assertThat(rotated.identity().describe()).isEqualTo("pds-int@v2 kid:test-2");
        assertThat(sim.tokenRequests()).isEqualTo(2);
        assertThat(call(pds.endpoint(), rotated).statusCode()).isEqualTo(200);
    }

    @Test
    void platformRejectionsBecomeAuthFailedWithTheOAuthError() {
        importJwtKey("pds-int", TestPki.CLIENT_KEY, "not-registered", new Activation.Now());
        assertThatThrownBy(() -> provider.authenticate(pds))
                .isInstanceOf(HoldfastException.class)
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.AUTH_FAILED))
                .hasMessageContaining("System 'pds-int': the token endpoint " + sim.tokenUrl() + " answered HTTP 401 invalid_client"
                        + " (Invalid 'kid' header in JWT - no matching public key); check the API key, kid and registered public key");

        DownstreamSystem other = kernel.addSystem("other-app", AuthPattern.OAUTH2_SIGNED_JWT, sim.baseUrl() + "/protected/ping");
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("other-app"), CredentialKind.API_KEY,
                List.of("unregistered-key".getBytes(StandardCharsets.UTF_8))));
        importJwtKey("other-app", TestPki.OTHER_KEY, "test-1", new Activation.Default());
        assertThatThrownBy(() -> provider.authenticate(other)).hasMessageContaining("Invalid iss/sub claims in JWT");

        sim.faults().failNextTokenRequests(1, 503, "temporarily_unavailable", "maintenance");
        DownstreamSystem third = kernel.addSystem("third", AuthPattern.OAUTH2_SIGNED_JWT, sim.baseUrl() + "/protected/ping");
        importApp("third", "third-key", TestPki.OTHER_KEY, "t3");
        assertThatThrownBy(() -> provider.authenticate(third))
                .hasMessageContaining("answered HTTP 503 temporarily_unavailable (maintenance); the call will be retried");
        assertThat(provider.authenticate(third)).isInstanceOf(AuthMaterial.Headers.class);

        DownstreamSystem offline = kernel.addSystem("offline", AuthPattern.OAUTH2_SIGNED_JWT, "http://127.0.0.1:9/api");
        importApp("offline", "offline-key", TestPki.OTHER_KEY, "o1");
        assertThatThrownBy(() -> provider.authenticate(offline))
                .hasMessageContaining("System 'offline': could not reach the token endpoint http://127.0.0.1:9/oauth2/token");
    }

    @Test
    void missingOrExpiredMaterialIsRefusedBeforeAnyCall() {
        DownstreamSystem bare = kernel.addSystem("bare", AuthPattern.OAUTH2_SIGNED_JWT, sim.baseUrl() + "/protected/ping");
        assertThatThrownBy(() -> provider.authenticate(bare))
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.CREDENTIAL_INVALID))
                .hasMessageContaining("System 'bare' has no active API_KEY in the int vault (entry 'bare')");

        DownstreamSystem certified = kernel.addSystem("certified", AuthPattern.OAUTH2_SIGNED_JWT, sim.baseUrl() + "/protected/ping");
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("certified"), CredentialKind.API_KEY,
                List.of("certified-key".getBytes(StandardCharsets.UTF_8))));
        var cert = pki.certificate("jwt-signer", TestPki.OTHER_KEY, kernel.clock.instant().minus(Duration.ofDays(1)),
                kernel.clock.instant().plus(Duration.ofDays(5)), pki.ca, TestPki.CA_KEY.getPrivate(), TestPki.Role.CLIENT);
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("certified"), CredentialKind.JWT_SIGNING_KEY,
                List.of(TestPki.pem(TestPki.OTHER_KEY.getPrivate(), cert))).withKeyId("k"));
        kernel.clock.advance(Duration.ofDays(6));
        assertThatThrownBy(() -> provider.authenticate(certified))
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.CREDENTIAL_EXPIRED))
                .hasMessageContaining("System 'certified': certificate 'CN=jwt-signer,O=Holdfast Test'");
        assertThat(sim.tokenRequests()).isZero();
    }

    @Test
    void cis2TokenExchangePerUser() throws Exception {
        UserTokenExchange cis2 = new Cis2TokenExchange(kernel.vault, kernel.clock, ApimSettings.defaults());
        DownstreamSystem ers = TestKernel.cis2System("ers-int", sim.baseUrl() + "/protected/ping");
        CredentialTarget entry = CredentialTarget.entry("int", "ers-int");
        kernel.vault.importCredential(ImportRequest.of(entry, CredentialKind.API_KEY, List.of("ers-app-key".getBytes(StandardCharsets.UTF_8))));
        kernel.vault.importCredential(ImportRequest.of(entry, CredentialKind.JWT_SIGNING_KEY,
                List.of(TestPki.pem(TestPki.CLIENT_KEY.getPrivate()))).withKeyId("ers-1"));
        sim.registerApplication("ers-app-key", "ers-1", TestPki.CLIENT_KEY.getPublic());
        String alice = sim.cis2().issueIdToken("alice-uuid", "ers-app-key", Duration.ofMinutes(30));
        String bob = sim.cis2().issueIdToken("bob-uuid", "ers-app-key", Duration.ofMinutes(30));

        AuthMaterial forAlice = cis2.exchange(ers, alice);
        assertThat(call(ers.endpoint(), forAlice).body()).contains("\"user\":\"alice-uuid\"");
        assertThat(forAlice.identity().describe()).isEqualTo("ers-int@v1 kid:ers-1");
        assertThat(bearer(cis2.exchange(ers, alice))).isEqualTo(bearer(forAlice));
        AuthMaterial forBob = cis2.exchange(ers, bob);
        assertThat(call(ers.endpoint(), forBob).body()).contains("\"user\":\"bob-uuid\"");
        assertThat(sim.tokenRequests()).isEqualTo(2);

        cis2.invalidate(ers, alice);
        AuthMaterial aliceAgain = cis2.exchange(ers, alice);
        assertThat(bearer(aliceAgain)).isNotEqualTo(bearer(forAlice));
        assertThat(call(ers.endpoint(), aliceAgain).body()).contains("\"user\":\"alice-uuid\"");
        assertThat(bearer(cis2.exchange(ers, bob))).as("only Alice's token was dropped").isEqualTo(bearer(forBob));
        assertThat(sim.tokenRequests()).isEqualTo(3);

        String foreign = sim.cis2().issueIdToken("eve", "someone-else", Duration.ofMinutes(5));
        assertThatThrownBy(() -> cis2.exchange(ers, foreign))
                .hasMessageContaining("answered HTTP 400 invalid_request (Invalid subject_token - aud is not the requesting application)");
    }

    /** No AuthProvider serves CIS2_USER (an unattended delivery has no user token), so such a system is refused. */
    @Test
    void aCis2UserSystemIsRefusedByTheInventoryWithTheReason() {
        assertThatThrownBy(() -> kernel.addSystem("ers-int", AuthPattern.CIS2_USER, sim.baseUrl() + "/protected/ping"))
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.INVALID_CONFIGURATION))
                .hasMessageContaining("auth pattern CIS2_USER has no working provider installed (installed: TLS_MUTUAL,"
                        + " OAUTH2_SIGNED_JWT, ORG_CREDENTIALS, API_KEY, NONE)");
        assertThat(kernel.inventory.find("ers-int")).isEmpty();
    }
}
