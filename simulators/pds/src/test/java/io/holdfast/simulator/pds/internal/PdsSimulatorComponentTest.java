package io.holdfast.simulator.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.simulator.apim.AccessTokenGrant;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PdsSimulatorComponentTest {

    private static PdsSimulatorComponent.Config config(String authentication, int port, int rate) {
        return new PdsSimulatorComponent.Config() {
            public String host() { return "127.0.0.1"; }
            public int port() { return port; }
            public String authentication() { return authentication; }
            public int rateLimitPerSecond() { return rate; }
            public int populationSize() { return 10; }
            public long populationSeed() { return 1; }
            public Class<? extends Annotation> annotationType() { return PdsSimulatorComponent.Config.class; }
        };
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static int get(int port, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/personal-demographics/FHIR/R4/Patient/9000000009")).header("X-Request-ID", UUID.randomUUID().toString());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void anUnknownAuthenticationModeFailsActivationNamingPidKeyAndAllowedValues() {
        assertThatThrownBy(() -> new PdsSimulatorComponent().activate(config("none", 0, 5)))
                .hasMessageContaining("io.holdfast.simulator.pds").hasMessageContaining("'authentication'")
                .hasMessageContaining("apim, open");
        assertThatThrownBy(() -> new PdsSimulatorComponent().activate(config("open", 0, -1)))
                .hasMessageContaining("'rateLimitPerSecond'");
    }

    @Test
    void apimModeAcceptsOnlyTokensTheApimServiceKnowsAndRefusesAllWithoutIt() throws Exception {
        int port = freePort();
        PdsSimulatorComponent component = new PdsSimulatorComponent();
        component.activate(config("apim", port, 0));
        try {
            assertThat(get(port, "t1")).isEqualTo(401);
            component.apim = token -> token.equals("t1") ? Optional.of(new AccessTokenGrant("app", Optional.of("user")))
                    : Optional.empty();
            assertThat(get(port, "t1")).isEqualTo(200);
            assertThat(get(port, "t2")).isEqualTo(401);
        } finally {
            component.deactivate();
        }
    }
}
