package io.holdfast.credentials.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.Activation;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.testing.TestKernel;
import io.holdfast.credentials.testing.TestPki;
import io.holdfast.credentials.testing.TlsTestServer;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Real TLS handshakes against a loopback server that requires a client certificate from the test CA. */
class TlsMutualHandshakeTest {
    private final TestKernel kernel = new TestKernel();
    private final TestPki pki = new TestPki(kernel.clock.instant());
    private final TlsMutualAuthProvider provider = new TlsMutualAuthProvider(kernel.vault, kernel.clock, new SslContexts());
    private final TlsTestServer server;

    TlsMutualHandshakeTest() throws Exception {
        server = new TlsTestServer(TestPki.SERVER_KEY, pki.server("localhost"), pki.ca);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private DownstreamSystem system(String id) {
        return kernel.inventory.add(new DownstreamSystem(id, "TLS " + id, Optional.empty(), "int", "MLLP", WireFormat.hl7v2("2.4"),
                "mllps://localhost:" + server.port(), AuthPattern.TLS_MUTUAL, Optional.empty(), Optional.empty()));
    }

    private void importKeyPair(String system, X509Certificate cert, Activation activation) {
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system(system), CredentialKind.KEY_PAIR,
                List.of(TestPki.pem(TestPki.CLIENT_KEY.getPrivate(), cert, pki.ca))).withActivation(activation));
    }

    private void trustTestCa(String system) {
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system(system), CredentialKind.TRUST_ANCHORS,
                List.of(TestPki.pem(pki.ca))));
    }

    private SSLContext contextFor(DownstreamSystem system) {
        return ((AuthMaterial.Tls) provider.authenticate(system)).sslContext();
    }

    @ParameterizedTest(name = "client certificate valid for {0} more days")
    @ValueSource(ints = {365, 89, 29, 5})
    void validAndExpiringCertificatesHandshake(int days) throws Exception {
        DownstreamSystem system = system("tls-" + days);
        importKeyPair(system.id(), pki.client("client-" + days, Duration.ofDays(days).plusHours(1)), new Activation.Default());
        trustTestCa(system.id());
        AuthMaterial.Tls material = (AuthMaterial.Tls) provider.authenticate(system);
        assertThat(material.identity().describe()).startsWith("tls-" + days + "@v1 sha256:");
        String reply = server.call(material.sslContext(), "localhost");
        assertThat(reply).startsWith("CN=client-" + days + ",O=Holdfast Test TLSv1.");
        assertThat(server.failures).isEmpty();
    }

    @Test
    void expiredMaterialIsRefusedByTheProviderNamingSystemAndCertificate() {
        DownstreamSystem system = system("tls-expiring");
        importKeyPair(system.id(), pki.client("soon-gone", Duration.ofDays(5)), new Activation.Default());
        kernel.clock.advance(Duration.ofDays(6));
        assertThatThrownBy(() -> provider.authenticate(system))
                .isInstanceOf(HoldfastException.class)
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.CREDENTIAL_EXPIRED))
                .hasMessageContaining("System 'tls-expiring': certificate 'CN=soon-gone,O=Holdfast Test'")
                .hasMessageContaining("of int/tls-expiring KEY_PAIR v1")
                .hasMessageContaining("expired at");
    }

    @Test
    void anExpiredCertificateIsAlsoRejectedByTheServer() throws Exception {
        SSLContext raw = rawContext(TestPki.CLIENT_KEY.getPrivate(), pki.expiredClient("expired"), pki.ca);
        assertHandshakeFails(raw);
    }

    @Test
    void aClientCertificateFromAnotherCaIsRejected() throws Exception {
        DownstreamSystem system = system("tls-rogue");
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system(system.id()), CredentialKind.KEY_PAIR,
                List.of(TestPki.pem(TestPki.CLIENT_KEY.getPrivate(), pki.rogueClient("rogue-client"), pki.rogueCa))));
        trustTestCa(system.id());
        assertHandshakeFails(contextFor(system));
        // The server thread records its side of the failed handshake a moment after the client sees it.
        long deadline = System.currentTimeMillis() + 5_000;
        while (server.failures.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.failures).isNotEmpty();
    }

    @Test
    void aServerCertificateFromAnotherCaIsRejectedByTheClient() throws Exception {
        DownstreamSystem system = system("tls-trust");
        importKeyPair(system.id(), pki.client("c", Duration.ofDays(365)), new Activation.Default());
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system(system.id()), CredentialKind.TRUST_ANCHORS,
                List.of(TestPki.pem(pki.rogueCa))));
        assertThatThrownBy(() -> server.call(contextFor(system), "localhost")).isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                .hasMessageContaining("PKIX path");
    }

    @Test
    void aMissingClientCertificateIsRefusedAndWouldBeRejected() throws Exception {
        DownstreamSystem system = system("tls-nocert");
        trustTestCa(system.id());
        assertThatThrownBy(() -> provider.authenticate(system))
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.CREDENTIAL_INVALID))
                .hasMessageContaining("System 'tls-nocert' has no active KEY_PAIR in the int vault");
        assertHandshakeFails(rawContext(null, null, pki.ca));
    }

    @Test
    void hostnameVerificationIsOn() throws Exception {
        DownstreamSystem system = system("tls-host");
        importKeyPair(system.id(), pki.client("c", Duration.ofDays(365)), new Activation.Default());
        trustTestCa(system.id());
        SSLContext ctx = contextFor(system);
        assertThatThrownBy(() -> server.call(ctx, "other.example.nhs.uk")).isInstanceOf(javax.net.ssl.SSLHandshakeException.class)
                .hasMessageContaining("No subject alternative DNS name matching other.example.nhs.uk");
        assertThat(ctx.getDefaultSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        assertThat(ctx.getDefaultSSLParameters().getProtocols()).isSubsetOf("TLSv1.3", "TLSv1.2");
        assertThat(ctx.createSSLEngine("localhost", 443).getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
        try (SSLSocket socket = (SSLSocket) ctx.getSocketFactory().createSocket()) {
            assertThat(socket.getSSLParameters().getEndpointIdentificationAlgorithm()).isEqualTo("HTTPS");
            assertThat(socket.getEnabledProtocols()).isSubsetOf("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void rotationTakesEffectOnTheNextCallWithoutRestart() throws Exception {
        DownstreamSystem system = system("tls-rotate");
        importKeyPair(system.id(), pki.client("first", Duration.ofDays(20)), new Activation.Default());
        trustTestCa(system.id());
        SSLContext before = contextFor(system);
        importKeyPair(system.id(), pki.client("second", Duration.ofDays(400)), new Activation.Default());
        assertThat(server.call(contextFor(system), "localhost")).startsWith("CN=first");
        kernel.vault.activate(CredentialTarget.system(system.id()), Optional.of(CredentialKind.KEY_PAIR), 2, Optional.empty());
        AuthMaterial.Tls after = (AuthMaterial.Tls) provider.authenticate(system);
        assertThat(after.identity().version()).isEqualTo(2);
        assertThat(server.call(after.sslContext(), "localhost")).startsWith("CN=second");
        assertThat(server.call(before, "localhost")).as("the old context still works for calls in flight").startsWith("CN=first");
    }

    @Test
    void entriesCanBeUsedWithoutASystem() throws Exception {
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.entry("int", "mesh-tls"), CredentialKind.KEY_PAIR,
                List.of(TestPki.pem(TestPki.CLIENT_KEY.getPrivate(), pki.client("mesh-client", Duration.ofDays(365))))));
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.entry("int", "mesh-tls"), CredentialKind.TRUST_ANCHORS,
                List.of(TestPki.pem(pki.ca))));
        AuthMaterial.Tls tls = provider.forEntry("int", "mesh-tls");
        assertThat(server.call(tls.sslContext(), "localhost")).startsWith("CN=mesh-client");
        assertThatThrownBy(() -> provider.forEntry("int", "nothing")).hasMessageContaining("Entry int/nothing has no active KEY_PAIR");
    }

    private void assertHandshakeFails(SSLContext ctx) {
        String reply;
        try {
            reply = server.call(ctx, "localhost");
        } catch (java.io.IOException e) {
            return;
        }
        assertThat(reply).as("a rejected client gets no reply").isNull();
    }

    private static SSLContext rawContext(PrivateKey key, X509Certificate cert, X509Certificate ca) throws Exception {
        KeyManagerFactory kmf = null;
        if (key != null) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("c", key, "x".toCharArray(), new Certificate[] {cert});
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, "x".toCharArray());
        }
        KeyStore ts = KeyStore.getInstance("PKCS12");
        ts.load(null, null);
        ts.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ts);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }
}
