package io.holdfast.simulator.apim.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.simulator.apim.AccessTokenGrant;
import io.holdfast.simulator.apim.JwtSigner;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The sandbox component as holdfast-sandbox configures it: the demo application in the feature's
 * {@code io.holdfast.simulator.apim} configuration is registered from the bundle's resource, and a client
 * assertion signed with the demo private key (what the PDS connector's sandbox system imports) gets a token.
 */
class ApimSimulatorComponentTest {
    static final String DEMO_API_KEY = "holdfast-sandbox-pds";
    static final String DEMO_KID = "holdfast-sandbox-pds-1";
    static final String DEMO_PRIVATE_KEY = "io/holdfast/simulator/apim/internal/sandbox/holdfast-sandbox-pds.private.pem";
    private static final Path FEATURE = Path.of("../../features/src/main/feature/feature.xml");

    private static ApimSimulatorComponent.Config config(int port, String... applications) {
        return new ApimSimulatorComponent.Config() {
            public String host() { return "127.0.0.1"; }
            public int port() { return port; }
            public long expiresInSeconds() { return 599; }
            public String tokenUrl() { return ""; }
            public String[] applications() { return applications; }
            public Class<? extends Annotation> annotationType() { return ApimSimulatorComponent.Config.class; }
        };
    }

    /** The applications= line of the APIM simulator's configuration in the holdfast-sandbox feature. */
    private static String sandboxApplications() throws Exception {
        String xml = Files.readString(FEATURE, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<config name=\"io\\.holdfast\\.simulator\\.apim\">(.*?)</config>", Pattern.DOTALL).matcher(xml);
        assertThat(m.find()).as("holdfast-sandbox configures io.holdfast.simulator.apim").isTrue();
        Matcher line = Pattern.compile("(?m)^\\s*applications\\s*=\\s*(\\S+)\\s*$").matcher(m.group(1));
        assertThat(line.find()).as("the sandbox APIM configuration registers applications").isTrue();
        return line.group(1);
    }

    private static PrivateKey demoPrivateKey() throws Exception {
        try (InputStream in = ApimSimulatorComponentTest.class.getClassLoader().getResourceAsStream(DEMO_PRIVATE_KEY)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static HttpResponse<String> token(String tokenUrl, String apiKey, String kid, PrivateKey key) throws Exception {
        String assertion = JwtSigner.sign(Map.of("alg", "RS512", "typ", "JWT", "kid", kid), Map.of("iss", apiKey, "sub", apiKey,
                "aud", tokenUrl, "jti", UUID.randomUUID().toString(), "exp", Instant.now().getEpochSecond() + 240), key);
        String form = "grant_type=client_credentials&client_assertion_type="
                + URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", StandardCharsets.UTF_8)
                + "&client_assertion=" + assertion;
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSandboxDemoApplicationGetsATokenWithTheShippedDemoKey() throws Exception {
        String applications = sandboxApplications();
        assertThat(applications).isEqualTo(DEMO_API_KEY + "|" + DEMO_KID
                + "|classpath:io/holdfast/simulator/apim/internal/sandbox/holdfast-sandbox-pds.public.pem");
        int port = freePort();
        ApimSimulatorComponent component = new ApimSimulatorComponent();
        component.activate(config(port, applications));
        try {
            String tokenUrl = "http://127.0.0.1:" + port + "/oauth2/token";
            HttpResponse<String> r = token(tokenUrl, DEMO_API_KEY, DEMO_KID, demoPrivateKey());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            String accessToken = new ObjectMapper().readTree(r.body()).path("access_token").asText();
            assertThat(component.introspect(accessToken)).contains(new AccessTokenGrant(DEMO_API_KEY, Optional.empty()));
            assertThat(token(tokenUrl, DEMO_API_KEY, "another-kid", demoPrivateKey()).statusCode()).isEqualTo(401);
        } finally {
            component.deactivate();
        }
    }

    @Test
    void aMissingResourceOrIncompleteEntryFailsActivationNamingPidAndKey() throws Exception {
        assertThatThrownBy(() -> new ApimSimulatorComponent().activate(config(freePort(), "app|kid|classpath:no/such.pem")))
                .hasMessageContaining("io.holdfast.simulator.apim").hasMessageContaining("'applications'")
                .hasMessageContaining("classpath:no/such.pem");
        assertThatThrownBy(() -> new ApimSimulatorComponent().activate(config(freePort(), "app|kid")))
                .hasMessageContaining("io.holdfast.simulator.apim").hasMessageContaining("allowed: apiKey|kid|");
    }
}
