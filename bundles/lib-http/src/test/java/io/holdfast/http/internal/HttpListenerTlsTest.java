package io.holdfast.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.http.AuthOutcome;
import io.holdfast.http.HttpReply;
import io.holdfast.http.MutualTlsAuthenticator;
import io.holdfast.http.RequestAuthenticator;
import io.holdfast.http.testing.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** TLS and mutual TLS on a real listener: trusted, missing, untrusted and not-allowed client certificates. */
class HttpListenerTlsTest {
    private static TestCertificates pki;
    private static TestCertificates otherPki;
    private static TestCertificates.Identity server;
    private static TestCertificates.Identity pas;
    private static TestCertificates.Identity lab;
    private static TestCertificates.Identity stranger;
    private final EndpointRegistry registry = new EndpointRegistry();
    private HttpListener listener;

    @BeforeAll
    static void pki() throws Exception {
        pki = TestCertificates.newAuthority("Holdfast Test CA");
        otherPki = TestCertificates.newAuthority("Someone Else CA");
        server = pki.server();
        pas = pki.client("CN=pas,O=Test Trust");
        lab = pki.client("CN=lab,O=Test Trust");
        stranger = otherPki.client("CN=pas,O=Test Trust");
    }

    @AfterEach
    void stop() {
        if (listener != null) {
            listener.close();
        }
    }

    private int start(String clientAuth, RequestAuthenticator auth) throws Exception {
        registry.add(new Route("secure", "/fhir", call -> {
            AuthOutcome outcome = auth.authenticate(call);
            if (outcome instanceof AuthOutcome.Authenticated a) {
                return HttpReply.text(200, a.identity().entryId() + "|" + a.identity().fingerprint().orElse(""));
            }
            return HttpReply.text(401, ((AuthOutcome.Denied) outcome).reason());
        }, OptionalLong.empty(), 1, 0));
        listener = new HttpListener(ListenerSettings.loopback("secure", 0).withTls("server-cert", clientAuth), registry,
                Optional.of(pki.serverContext(server)));
        listener.start();
        return listener.boundAddress().orElseThrow().getPort();
    }

    private static HttpResponse<String> get(int port, SSLContext context) throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(5)).build();
        return client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/fhir/Patient")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTrustedClientCertificateIsTheCallersIdentity() throws Exception {
        int port = start("need", new MutualTlsAuthenticator(Set.of()));

        HttpResponse<String> r = get(port, TestCertificates.clientContext(pas, pki.caCertificate()));

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).isEqualTo("CN=pas,O=Test Trust|" + MutualTlsAuthenticator.fingerprint(pas.leaf()));
    }

    @Test
    void withClientAuthNeedAConnectionWithoutOrWithAnUntrustedCertificateFailsTheHandshake() throws Exception {
        int port = start("need", new MutualTlsAuthenticator(Set.of()));

        assertThatThrownBy(() -> get(port, TestCertificates.clientContext(null, pki.caCertificate()))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> get(port, TestCertificates.clientContext(stranger, pki.caCertificate()))).isInstanceOf(IOException.class);
        assertThat(listener.stats().requests()).isZero();
    }

    @Test
    void withClientAuthWantTheAuthenticatorRefusesACallerWithoutCertificate() throws Exception {
        int port = start("want", new MutualTlsAuthenticator(Set.of()));

        HttpResponse<String> r = get(port, TestCertificates.clientContext(null, pki.caCertificate()));

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("no client certificate");
    }

    @Test
    void anAllowListAdmitsOnlyTheNamedSubjectOrFingerprint() throws Exception {
        int port = start("need", new MutualTlsAuthenticator(Set.of("CN=pas, O=Test Trust")));

        assertThat(get(port, TestCertificates.clientContext(pas, pki.caCertificate())).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = get(port, TestCertificates.clientContext(lab, pki.caCertificate()));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).contains("not on the endpoint's allow-list");

        MutualTlsAuthenticator byFingerprint = new MutualTlsAuthenticator(Set.of(MutualTlsAuthenticator.fingerprint(lab.leaf()).toUpperCase()));
        assertThat(byFingerprint.authenticate(new io.holdfast.http.HttpCall("secure", "GET", "/fhir", "/fhir", java.util.Map.of(),
                java.util.Map.of(), new byte[0], java.util.List.of(lab.leaf()), new java.net.InetSocketAddress("127.0.0.1", 1))))
                .isInstanceOf(AuthOutcome.Authenticated.class);
    }

    @Test
    void plainHttpToATlsListenerGetsNoAnswer() throws Exception {
        int port = start("none", call -> new AuthOutcome.Denied("x", "x"));

        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir")).timeout(Duration.ofSeconds(5))
                .GET().build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
    }
}
