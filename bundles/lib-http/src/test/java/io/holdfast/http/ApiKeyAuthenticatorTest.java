package io.holdfast.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.http.testing.TestCalls;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiKeyAuthenticatorTest {
    private final ApiKeyAuthenticator auth = new ApiKeyAuthenticator("apikey",
            Map.of("pas", ApiKeyAuthenticator.digestOf("s3cret-pas"), "lab", ApiKeyAuthenticator.digestOf("s3cret-lab")));

    @Test
    void aConfiguredKeyIsAcceptedAsItsNameNeverTheKey() {
        AuthOutcome outcome = auth.authenticate(TestCalls.withHeaders(Map.of("ApiKey", "s3cret-lab")));

        assertThat(outcome).isInstanceOf(AuthOutcome.Authenticated.class);
        var identity = ((AuthOutcome.Authenticated) outcome).identity();
        assertThat(identity.entryId()).isEqualTo("apikey:lab");
        assertThat(identity.describe()).doesNotContain("s3cret");
    }

    @Test
    void aWrongOrMissingKeyIsDenied() {
        assertThat(auth.authenticate(TestCalls.withHeaders(Map.of("apikey", "s3cret-pa")))).isInstanceOf(AuthOutcome.Denied.class);
        assertThat(auth.authenticate(TestCalls.withHeaders(Map.of("apikey", "")))).isInstanceOf(AuthOutcome.Denied.class);
        AuthOutcome missing = auth.authenticate(TestCalls.withHeaders(Map.of("X-Other", "s3cret-pas")));
        assertThat(((AuthOutcome.Denied) missing).reason()).isEqualTo("no API key in header apikey");
    }

    @Test
    void aDigestThatIsNotSha256HexIsRefusedAtConstruction() {
        assertThatThrownBy(() -> new ApiKeyAuthenticator("apikey", Map.of("pas", "s3cret-pas")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SHA-256").hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> new ApiKeyAuthenticator("apikey", Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theDigestIsSha256Hex() {
        // echo -n abc | sha256sum
        assertThat(ApiKeyAuthenticator.digestOf("abc")).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
