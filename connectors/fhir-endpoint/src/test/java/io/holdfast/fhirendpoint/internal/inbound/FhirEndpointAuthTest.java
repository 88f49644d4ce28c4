package io.holdfast.fhirendpoint.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.Stage;
import io.holdfast.http.MutualTlsAuthenticator;
import io.holdfast.http.testing.TestCertificates;
import io.holdfast.http.testing.TestTokens;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.journal.JournalTrace;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The endpoint with auth=bearer (a JWKS file) and auth=mtls (a TLS listener with client auth need): callers checked before anything is parsed or journaled. */
class FhirEndpointAuthTest {
    private static final String FHIR = "application/fhir+json";
    private static final String ISS = "https://auth.trust.example";

    @TempDir
    Path dir;

    private TestKernel kernel;
    private FhirEndpointFixture fhir;
    private KeyPair issuerKey;

    @AfterEach
    void close() {
        if (fhir != null) {
            fhir.close();
        }
        if (kernel != null) {
            kernel.close();
        }
    }

    private void start() throws Exception {
        issuerKey = TestTokens.rsa();
        Path jwks = dir.resolve("jwks.json");
        Files.writeString(jwks, TestTokens.jwks(TestTokens.jwk("k1", issuerKey)));
        kernel = TestKernel.builder(dir.resolve("kernel")).journalOnly().start();
        fhir = new FhirEndpointFixture(kernel, UnaryOperator.identity(), Map.of("auth", "bearer", "jwksFile", jwks.toString(),
                "jwtIssuer", ISS, "jwtAudience", "holdfast-fhir", "jwtAlgorithms", "RS512"));
    }

    private HttpResponse<String> post(String token, String requestId) throws Exception {
        return fhir.send(fhir.post("/fhir/r4/Patient", FHIR, FhirEndpointFixture.resource("patient.json"), "Authorization", "Bearer " + token,
                "X-Request-ID", requestId));
    }

    @Test
    void aValidTokenIsAcceptedAndTheMessageJournaled() throws Exception {
        start();
        HttpResponse<String> r = post(TestTokens.sign("RS512", "k1", issuerKey, TestTokens.claims(ISS, "holdfast-fhir", "pas-client", 300)), "req-ok");

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(JournalTrace.of(kernel.journal(), "req-ok").hasStage(Stage.RECEIVED)).isTrue();
    }

    @Test
    void mutualTlsAdmitsTheListedCertificateAndJournalsItsIdentityOnTheEnvelope() throws Exception {
        TestCertificates pki = TestCertificates.newAuthority("Trust Test CA");
        TestCertificates.Identity server = pki.server();
        TestCertificates.Identity pas = pki.client("CN=pas,O=Test Trust");
        TestCertificates.Identity lab = pki.client("CN=lab,O=Test Trust");
        kernel = TestKernel.builder(dir.resolve("kernel")).journalOnly().start();
        GatedIntake[] gated = new GatedIntake[1];
        Map<String, Object> mtls = Map.of("auth", "mtls", "mtlsAllowed", "CN=pas,O=Test Trust");
        fhir = new FhirEndpointFixture(kernel, real -> gated[0] = new GatedIntake(real, new CountDownLatch(0)), mtls,
                Optional.of(pki.serverContext(server)), Optional.of(TestCertificates.clientContext(pas, pki.caCertificate())));

        HttpResponse<String> r = fhir.send(fhir.post("/fhir/r4/Patient", FHIR, FhirEndpointFixture.resource("patient.json")));

        assertThat(r.statusCode()).isEqualTo(201);
        assertThat(gated[0].envelopes.get(0).attributes().get("auth.identity"))
                .isEqualTo("CN=pas,O=Test Trust@v0 sha256:" + MutualTlsAuthenticator.fingerprint(pas.leaf()));
        fhir.close();

        fhir = new FhirEndpointFixture(kernel, UnaryOperator.identity(), mtls, Optional.of(pki.serverContext(server)),
                Optional.of(TestCertificates.clientContext(lab, pki.caCertificate())));
        HttpResponse<String> refused = fhir.send(fhir.post("/fhir/r4/Patient", FHIR, FhirEndpointFixture.resource("patient.json")));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("not on the endpoint's allow-list", "\"code\":\"login\"");
        assertThat(kernel.journal().counts().messages()).isEqualTo(1);
    }

    @Test
    void expiredWrongAudienceAndForgedTokensAre401AndNotJournaled() throws Exception {
        start();
        KeyPair forger = TestTokens.rsa();

        HttpResponse<String> expired = post(TestTokens.sign("RS512", "k1", issuerKey, TestTokens.claims(ISS, "holdfast-fhir", "pas", -300)), "r1");
        HttpResponse<String> audience = post(TestTokens.sign("RS512", "k1", issuerKey, TestTokens.claims(ISS, "other", "pas", 300)), "r2");
        HttpResponse<String> forged = post(TestTokens.sign("RS512", "k1", forger, TestTokens.claims(ISS, "holdfast-fhir", "pas", 300)), "r3");
        HttpResponse<String> weakAlg = post(TestTokens.sign("RS256", "k1", issuerKey, TestTokens.claims(ISS, "holdfast-fhir", "pas", 300)), "r4");

        assertThat(expired.statusCode()).isEqualTo(401);
        assertThat(expired.body()).contains("token expired", "\"code\":\"login\"");
        assertThat(expired.headers().firstValue("WWW-Authenticate")).contains("Bearer error=\"invalid_token\"");
        assertThat(audience.statusCode()).isEqualTo(401);
        assertThat(forged.statusCode()).isEqualTo(401);
        assertThat(weakAlg.statusCode()).isEqualTo(401);
        assertThat(kernel.journal().counts().messages()).isZero();
    }
}
