package io.holdfast.credentials.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.OrgCredentialSource.OrgCredential;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.testing.TestKernel;
import io.holdfast.credentials.testing.TestPki;
import io.holdfast.simulator.apim.ApimSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** API_KEY, ORG_CREDENTIALS and NONE. */
class StaticProvidersTest {
    private final TestKernel kernel = new TestKernel();

    private void importText(CredentialTarget target, CredentialKind kind, String value, String username) {
        kernel.vault.importCredential(ImportRequest.of(target, kind, List.of(value.getBytes(StandardCharsets.UTF_8)))
                .withUsername(username));
    }

    @Test
    void apiKeyHeaderIsAcceptedByTheSimulator() throws Exception {
        try (ApimSimulator sim = ApimSimulator.builder().start()) {
            sim.registerApplication("plain-api-key", "unused", TestPki.OTHER_KEY.getPublic());
            DownstreamSystem system = kernel.addSystem("sds-int", AuthPattern.API_KEY, sim.baseUrl() + "/apikey/ping");
            importText(CredentialTarget.system("sds-int"), CredentialKind.API_KEY, "plain-api-key", null);
            ApiKeyAuthProvider provider = new ApiKeyAuthProvider(kernel.vault, kernel.clock);
            AuthMaterial m = provider.authenticate(system);
            assertThat(((AuthMaterial.Headers) m).headers()).containsEntry("apikey", "plain-api-key");
            assertThat(((AuthMaterial.Headers) m).tls()).isEmpty();
            assertThat(m.identity().describe()).isEqualTo("sds-int@v1");
            assertThat(m.toString()).doesNotContain("plain-api-key");
            assertThat(ApimProvidersTest.call(system.endpoint(), m).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void orgCredentialsGiveBasicAuthTlsAndTheRawParts() {
        TestPki pki = new TestPki(kernel.clock.instant());
        DownstreamSystem system = kernel.inventory.add(new DownstreamSystem("mesh-int", "MESH", Optional.empty(), "int", "MESH",
                WireFormat.opaque(), "mesh:X26ABC2?workflow=TEST_WORKFLOW", AuthPattern.ORG_CREDENTIALS, Optional.empty(), Optional.empty()));
        CredentialTarget target = CredentialTarget.system("mesh-int");
        importText(target, CredentialKind.ORG_CREDENTIAL, "mailbox-pass", "X26ABC1");
        importText(target, CredentialKind.SECRET, "env-shared-key", null);
        kernel.vault.importCredential(ImportRequest.of(target, CredentialKind.KEY_PAIR,
                List.of(TestPki.pem(TestPki.CLIENT_KEY.getPrivate(), pki.client("mesh", Duration.ofDays(300))))));
        OrgCredentialsAuthProvider provider = new OrgCredentialsAuthProvider(kernel.vault, kernel.clock);

        AuthMaterial.Headers m = (AuthMaterial.Headers) provider.authenticate(system);
        assertThat(new String(Base64.getDecoder().decode(m.headers().get("Authorization").substring(6)), StandardCharsets.UTF_8))
                .isEqualTo("X26ABC1:mailbox-pass");
        assertThat(m.tls()).isPresent();
        assertThat(m.identity().describe()).isEqualTo("mesh-int@v1");

        OrgCredential parts = provider.forEntry("int", "mesh-int");
        assertThat(parts.username()).isEqualTo("X26ABC1");
        assertThat(new String(parts.password())).isEqualTo("mailbox-pass");
        assertThat(parts.sharedSecret().map(String::new)).contains("env-shared-key");
        assertThat(parts.toString()).doesNotContain("mailbox-pass").doesNotContain("env-shared-key");
        assertThat(provider.forSystem(system).username()).isEqualTo("X26ABC1");
        assertThatThrownBy(() -> provider.forEntry("int", "other")).hasMessageContaining("Entry int/other has no active ORG_CREDENTIAL");
    }

    @Test
    void noneNeedsNothing() {
        DownstreamSystem system = kernel.inventory.add(new DownstreamSystem("epr", "EPR", Optional.empty(), "int", "MLLP",
                WireFormat.hl7v2("2.4"), "mllp://epr.example.nhs.uk:2575", AuthPattern.NONE, Optional.empty(), Optional.empty()));
        assertThat(new NoneAuthProvider().authenticate(system)).isInstanceOf(AuthMaterial.None.class);
        assertThat(new NoneAuthProvider().authenticate(system).identity().describe()).isEqualTo("none@v0");
    }
}
