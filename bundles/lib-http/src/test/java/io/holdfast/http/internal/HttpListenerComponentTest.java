package io.holdfast.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.http.HttpEndpoint;
import io.holdfast.http.HttpReply;
import io.holdfast.http.testing.RecordingHealth;
import io.holdfast.http.testing.TestCertificates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The DS component as SCR drives it: whiteboard endpoints, Health, TLS from the vault, the shell listing. */
class HttpListenerComponentTest {
    private final RecordingHealth health = new RecordingHealth();
    private final EndpointRegistry registry = new EndpointRegistry();
    private final HttpListenerComponent component = new HttpListenerComponent();

    HttpListenerComponentTest() {
        component.health = health;
        component.registry = registry;
    }

    @AfterEach
    void deactivate() {
        component.deactivate();
    }

    private static Map<String, Object> config(String... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("service.pid", "io.holdfast.http.listener.4f2a", "name", "fhir", "port", "0"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void aWhiteboardEndpointIsServedAndTheListenerReportsUp() throws Exception {
        registry.addEndpoint(call -> HttpReply.text(200, "hello"), Map.of(HttpEndpoint.LISTENER, "fhir", HttpEndpoint.PATH, "/fhir/r4/",
                "service.id", 7L));
        component.activate(config());
        int port = component.boundAddress().orElseThrow().getPort();

        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/fhir/r4/Patient"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.body()).isEqualTo("hello");
        assertThat(health.get("http:fhir").state()).isEqualTo(HealthState.UP);
        assertThat(health.get("http:fhir").detail()).contains("listening on 127.0.0.1:" + port, "plain HTTP");
        component.deactivate();
        assertThat(health.get("http:fhir")).as("removed with the listener").isNull();
    }

    @Test
    void anEndpointWithoutListenerOrPathPropertiesIsIgnored() {
        registry.addEndpoint(call -> HttpReply.text(200, "x"), Map.of(HttpEndpoint.PATH, "/x", "service.id", 1L));
        registry.addEndpoint(call -> HttpReply.text(200, "x"), Map.of(HttpEndpoint.LISTENER, "fhir", HttpEndpoint.PATH, "no-slash", "service.id", 2L));
        assertThat(registry.routes("fhir")).isEmpty();
    }

    @Test
    void anInvalidConfigurationFailsActivationAndReportsDown() {
        assertThatThrownBy(() -> component.activate(config("clientAuth", "need"))).isInstanceOf(InvalidConfigurationException.class);
        assertThat(health.get("http:fhir").state()).isEqualTo(HealthState.DOWN);
        assertThat(health.get("http:fhir").detail()).contains("io.holdfast.http.listener.4f2a", "clientAuth");
    }

    @Test
    void tlsMaterialComesFromTheVaultEntryAndItsProblemsAreReported() throws Exception {
        TestCertificates pki = TestCertificates.newAuthority("Test CA");
        var server = pki.server();
        component.tlsMaterial = (environment, entry) -> {
            if (!entry.equals("fhir-server") || !environment.equals("live")) {
                throw new HoldfastException(ErrorCode.CREDENTIAL_INVALID, "vault entry " + entry + " has no active KEY_PAIR");
            }
            try {
                return new AuthMaterial.Tls(pki.serverContext(server), CredentialIdentity.NONE);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        component.activate(config("tlsCredential", "fhir-server", "clientAuth", "want"));
        int port = component.boundAddress().orElseThrow().getPort();
        HttpClient client = HttpClient.newBuilder().sslContext(TestCertificates.clientContext(null, pki.caCertificate())).build();
        assertThat(client.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/none")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        assertThat(health.get("http:fhir").detail()).contains("TLS (client auth want)");
        component.deactivate();

        HttpListenerComponent other = new HttpListenerComponent();
        other.health = health;
        other.registry = registry;
        other.tlsMaterial = component.tlsMaterial;
        assertThatThrownBy(() -> other.activate(config("name", "b", "tlsCredential", "missing"))).isInstanceOf(HoldfastException.class);
        assertThat(health.get("http:b").state()).isEqualTo(HealthState.DOWN);
        assertThat(health.get("http:b").detail()).contains("HF-510", "missing");
    }

    @Test
    void aPortInUseFailsActivationNamingTheAddress() throws Exception {
        component.activate(config());
        int port = component.boundAddress().orElseThrow().getPort();
        HttpListenerComponent clash = new HttpListenerComponent();
        clash.health = health;
        clash.registry = registry;

        assertThatThrownBy(() -> clash.activate(config("name", "clash", "port", String.valueOf(port)))).isInstanceOf(Exception.class);
        assertThat(health.get("http:clash").detail()).contains("cannot listen on 127.0.0.1:" + port);
        assertThat(clash.boundAddress()).isEmpty();
    }

    @Test
    void theSameConfigurationDeliveredAgainKeepsTheSocket() throws Exception {
        component.activate(config());
        var before = component.boundAddress().orElseThrow();
        Map<String, Object> again = config();
        again.put("felix.fileinstall.filename", "file:/etc/io.holdfast.http.listener-fhir.cfg");
        component.modified(again);
        assertThat(component.boundAddress()).contains(before);
    }

    @Test
    void anInvalidChangeKeepsTheRunningListenerAndReportsDegraded() throws Exception {
        component.activate(config());
        var before = component.boundAddress().orElseThrow();

        component.modified(config("maxBodyBytes", "lots"));

        assertThat(component.boundAddress()).contains(before);
        assertThat(health.get("http:fhir").state()).isEqualTo(HealthState.DEGRADED);
        assertThat(health.get("http:fhir").detail()).contains("key 'maxBodyBytes' is 'lots'", "still running with the previous configuration");
    }
}
