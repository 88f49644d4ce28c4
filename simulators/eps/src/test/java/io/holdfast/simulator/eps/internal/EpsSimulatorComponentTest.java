package io.holdfast.simulator.eps.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.simulator.apim.AccessTokenGrant;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sandbox component: configuration validated with PID, key and allowed values; apim mode maps grants to access modes. */
class EpsSimulatorComponentTest {
    private static final String PARAMETERS = "{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"owner\",\"valueIdentifier\":"
            + "{\"system\":\"https://fhir.nhs.uk/Id/ods-organization-code\",\"value\":\"FCG71\"}},{\"name\":\"status\",\"valueCode\":\"accepted\"}]}";

    private static EpsSimulatorComponent.Config config(String authentication, String accessModes, int port) {
        return new EpsSimulatorComponent.Config() {
            public String host() { return "127.0.0.1"; }
            public int port() { return port; }
            public String authentication() { return authentication; }
            public String accessModes() { return accessModes; }
            public Class<? extends Annotation> annotationType() { return EpsSimulatorComponent.Config.class; }
        };
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int post(int port, String path, String token, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/electronic-prescriptions/FHIR/R4" + path)).header("X-Request-ID", UUID.randomUUID().toString())
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void invalidValuesFailActivationNamingPidKeyAndAllowedValues() {
        assertThatThrownBy(() -> new EpsSimulatorComponent().activate(config("none", "published", 0)))
                .hasMessage("Configuration io.holdfast.simulator.eps: key 'authentication' is 'none'; allowed: apim, open");
        assertThatThrownBy(() -> new EpsSimulatorComponent().activate(config("open", "some", 0)))
                .hasMessage("Configuration io.holdfast.simulator.eps: key 'accessModes' is 'some'; allowed: published, any");
        assertThatThrownBy(() -> new EpsSimulatorComponent().activate(config("open", "published", 70000)))
                .hasMessageContaining("key 'port' is '70000'; allowed: 0 to 65535");
    }

    @Test
    void apimModeRefusesEveryTokenWithoutTheServiceAndMapsGrantsToAccessModes() throws Exception {
        int port = freePort();
        EpsSimulatorComponent component = new EpsSimulatorComponent();
        component.activate(config("apim", "published", port));
        try {
            assertThat(post(port, "/Task/$release", "app", PARAMETERS)).isEqualTo(401);
            component.apim = token -> switch (token) {
                case "app" -> Optional.of(new AccessTokenGrant("dispenser", Optional.empty()));
                case "user" -> Optional.of(new AccessTokenGrant("prescriber", Optional.of("555254240100")));
                default -> Optional.empty();
            };
            assertThat(post(port, "/Task/$release", "app", PARAMETERS)).isEqualTo(200);
            assertThat(post(port, "/Claim", "app", "{}")).as("application-restricted").isEqualTo(403);
            assertThat(post(port, "/Claim", "user", "{\"resourceType\":\"Claim\"}")).as("user-restricted, reaches validation").isEqualTo(400);
            assertThat(post(port, "/Claim", "other", "{}")).isEqualTo(401);
            assertThat(component.simulator().port()).isEqualTo(port);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void anyAccessModeLetsApplicationTokensCallEverything() throws Exception {
        int port = freePort();
        EpsSimulatorComponent component = new EpsSimulatorComponent();
        component.apim = token -> Optional.of(new AccessTokenGrant("app", Optional.empty()));
        component.activate(config("apim", "any", port));
        try {
            assertThat(post(port, "/Claim", "app", "{\"resourceType\":\"Claim\"}")).isEqualTo(400);
        } finally {
            component.deactivate();
        }
    }
}
