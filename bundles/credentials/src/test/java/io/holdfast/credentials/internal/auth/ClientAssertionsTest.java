package io.holdfast.credentials.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.credentials.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ClientAssertionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void assertionHasThePlatformsHeaderClaimsAndAVerifiableRs512Signature() throws Exception {
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        String jwt = ClientAssertions.sign(TestPki.OTHER_KEY.getPrivate(), "test-1", "api-key", "https://int.api.service.nhs.uk/oauth2/token",
                now, Duration.ofMinutes(4));
        String[] parts = jwt.split("\\.");
        assertThat(parts).hasSize(3);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asText()).isEqualTo("RS512");
        assertThat(header.get("typ").asText()).isEqualTo("JWT");
        assertThat(header.get("kid").asText()).isEqualTo("test-1");
        assertThat(claims.get("iss").asText()).isEqualTo("api-key");
        assertThat(claims.get("sub").asText()).isEqualTo("api-key");
        assertThat(claims.get("aud").asText()).isEqualTo("https://int.api.service.nhs.uk/oauth2/token");
        assertThat(claims.get("exp").asLong()).isEqualTo(now.getEpochSecond() + 240);
        assertThat(claims.get("jti").asText()).hasSize(36);
        assertThat(jwt).doesNotContain("=");

        Signature verifier = Signature.getInstance("SHA512withRSA");
        verifier.initVerify(TestPki.OTHER_KEY.getPublic());
        verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(verifier.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    }

    @Test
    void everyAssertionHasItsOwnJtiAndLifetimeIsCappedAtFiveMinutes() throws Exception {
        Instant now = Instant.now();
        String a = ClientAssertions.sign(TestPki.OTHER_KEY.getPrivate(), "k", "key", "aud", now, Duration.ofMinutes(5));
        String b = ClientAssertions.sign(TestPki.OTHER_KEY.getPrivate(), "k", "key", "aud", now, Duration.ofMinutes(5));
        assertThat(claim(a, "jti")).isNotEqualTo(claim(b, "jti"));
        assertThatThrownBy(() -> ClientAssertions.sign(TestPki.OTHER_KEY.getPrivate(), "k", "key", "aud", now, Duration.ofSeconds(301)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settingsDeriveTheTokenUrlAndReuseWindow() {
        ApimSettings s = ApimSettings.defaults();
        var system = new io.holdfast.api.kernel.DownstreamSystem("pds", "PDS", java.util.Optional.empty(), "int", "HTTP",
                io.holdfast.api.message.WireFormat.fhirR4(), "https://int.api.service.nhs.uk:443/personal-demographics/FHIR/R4",
                io.holdfast.api.spi.AuthPattern.OAUTH2_SIGNED_JWT, java.util.Optional.empty(), java.util.Optional.empty());
        assertThat(s.tokenUrl(system)).hasToString("https://int.api.service.nhs.uk:443/oauth2/token");
        assertThat(s.reuseFor(599)).isEqualTo(Duration.ofSeconds(539));
        assertThat(s.reuseFor(10)).isEqualTo(Duration.ofSeconds(5));
    }

    private static String claim(String jwt, String name) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1])).get(name).asText();
    }
}
