package io.holdfast.fhirendpoint.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.http.HttpEndpoint;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointSettingsTest {
    private static final String DIGEST = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static Map<String, Object> props(String... kv) {
        Map<String, Object> m = new HashMap<>(Map.of("felix.fileinstall.filename", "file:/etc/io.holdfast.fhir.endpoint-pas.cfg",
                "listener", "fhir", "path", "/fhir/r4/", "auth", "apikey", "apiKeys", "pas:" + DIGEST));
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void defaultsAndWhiteboardProperties() {
        EndpointSettings s = EndpointSettings.from(props());

        assertThat(s.name()).isEqualTo("pas");
        assertThat(s.path()).isEqualTo("/fhir/r4");
        assertThat(s.sourceSystem()).isEqualTo("pas");
        assertThat(s.maxBodyBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(s.apiKey().orElseThrow().header()).isEqualTo("apikey");
        assertThat(s.commitTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(FhirEndpointComponent.whiteboardProperties(s)).containsEntry(HttpEndpoint.LISTENER, "fhir")
                .containsEntry(HttpEndpoint.PATH, "/fhir/r4").containsEntry(HttpEndpoint.MAX_BODY_BYTES, 10L * 1024 * 1024);
    }

    @Test
    void bearerAndMtlsSettings() {
        EndpointSettings bearer = EndpointSettings.from(props("auth", "bearer", "jwksUrl", "https://auth.trust.example/jwks",
                "jwtIssuer", "https://auth.trust.example", "jwtAudience", "holdfast", "jwtAlgorithms", "RS512"));
        assertThat(bearer.bearer().orElseThrow().algorithms()).containsExactly("RS512");
        EndpointSettings mtls = EndpointSettings.from(props("auth", "mtls", "mtlsAllowed", "CN=pas,O=Trust ; " + DIGEST));
        assertThat(mtls.mtls().allowed()).containsExactly("CN=pas,O=Trust", DIGEST);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "auth|none|key 'auth' is 'none'; allowed: mtls, bearer, apikey",
        "path|fhir|key 'path' is 'fhir'",
        "listener||key 'listener' is missing",
        "apiKeys|pas:s3cret|key 'apiKeys' has an entry that is not name:<64 hex digits>",
        "maxBodyBytes|0|key 'maxBodyBytes' is 0",
        "mtlsAllowed|CN=pas;not a name|key 'mtlsAllowed' has an entry that is neither: 'not a name'"})
    void anInvalidValueNamesPidKeyAndAllowedValues(String key, String value, String message) {
        Map<String, Object> p = key.equals("mtlsAllowed") ? props("auth", "mtls") : props();
        p.put(key, value == null ? "" : value);
        assertThatThrownBy(() -> EndpointSettings.from(p)).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("Configuration io.holdfast.fhir.endpoint-pas: " + message).hasMessageNotContaining("s3cret");
    }

    @Test
    void bearerNeedsExactlyOneJwksSourceAndIssuerAndAudience() {
        assertThatThrownBy(() -> EndpointSettings.from(props("auth", "bearer", "jwtIssuer", "i", "jwtAudience", "a")))
                .hasMessageContaining("key 'jwksUrl' and jwksFile are both missing");
        assertThatThrownBy(() -> EndpointSettings.from(props("auth", "bearer", "jwksUrl", "https://x/jwks", "jwksFile", "/etc/jwks.json",
                "jwtIssuer", "i", "jwtAudience", "a"))).hasMessageContaining("is set together with jwksFile");
        assertThatThrownBy(() -> EndpointSettings.from(props("auth", "bearer", "jwksFile", "/etc/jwks.json", "jwtAudience", "a")))
                .hasMessageContaining("key 'jwtIssuer' is missing");
        assertThatThrownBy(() -> EndpointSettings.from(props("auth", "bearer", "jwksFile", "/etc/jwks.json", "jwtIssuer", "i",
                "jwtAudience", "a", "jwtAlgorithms", "HS256"))).hasMessageContaining("key 'jwtAlgorithms' is 'HS256'");
    }
}
