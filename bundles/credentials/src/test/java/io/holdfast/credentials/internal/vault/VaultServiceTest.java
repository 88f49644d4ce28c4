package io.holdfast.credentials.internal.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.Activation;
import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.EntryVersion;
import io.holdfast.credentials.api.EntryVersion.State;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.api.VaultAdmin.ImportResult;
import io.holdfast.credentials.internal.material.Certificates;
import io.holdfast.credentials.internal.material.Material;
import io.holdfast.credentials.testing.TestKernel;
import io.holdfast.credentials.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VaultServiceTest {
    private static final char[] PASS = "p12-passphrase".toCharArray();
    private final TestKernel kernel = new TestKernel();
    private final TestPki pki = new TestPki(kernel.clock.instant());
    private final DownstreamSystem spine = kernel.inventory.add(new DownstreamSystem("spine-int", "Spine", Optional.empty(), "int",
            "SPINE_EBXML", io.holdfast.api.message.WireFormat.parse("HL7V3_EBXML"), "https://msg.example.nhs.uk",
            AuthPattern.TLS_MUTUAL, Optional.empty(), Optional.empty()));

    private ImportResult importP12(String cn, Activation activation) {
        X509Certificate cert = pki.client(cn, Duration.ofDays(365));
        return kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("spine-int"), CredentialKind.KEY_PAIR,
                List.of(TestPki.pkcs12(TestPki.CLIENT_KEY.getPrivate(), PASS, cert, pki.ca))).withPassphrase(PASS)
                .withActivation(activation));
    }

    private int activeVersion() {
        return kernel.vault.require(spine, CredentialKind.KEY_PAIR).key().version();
    }

    @Test
    void firstVersionIsActiveAtOnceWithItsIdentity() {
        ImportResult result = importP12("spine-1", new Activation.Default());
        EntryVersion v = result.version();
        assertThat(v.label()).isEqualTo("int/spine-int KEY_PAIR v1");
        assertThat(v.state()).isEqualTo(State.ACTIVE);
        assertThat(v.systems()).containsExactly("spine-int");
        assertThat(v.certificates()).extracting(c -> c.subject()).containsExactly("CN=spine-1,O=Holdfast Test",
                "CN=Holdfast Test Root CA,O=Holdfast Test");
        Unsealed u = kernel.vault.require(spine, CredentialKind.KEY_PAIR);
        assertThat(u.identity().describe()).isEqualTo("spine-int@v1 sha256:" + v.certificates().get(0).fingerprint());
        assertThat(((Material.KeyPair) u.material()).leaf().getSubjectX500Principal().getName()).contains("spine-1");
        assertThat(kernel.health.get("credentials").state()).isEqualTo(HealthState.UP);
    }

    @Test
    void rotationKeepsThePreviousVersionActiveUntilAdminActivates() {
        importP12("spine-1", new Activation.Default());
        ImportResult second = importP12("spine-2", new Activation.Default());
        assertThat(second.version().state()).isEqualTo(State.PENDING);
        assertThat(activeVersion()).isEqualTo(1);

        EntryVersion activated = kernel.vault.activate(CredentialTarget.system("spine-int"), Optional.empty(), 2, Optional.empty());
        assertThat(activated.state()).isEqualTo(State.ACTIVE);
        assertThat(activeVersion()).isEqualTo(2);
        assertThat(kernel.vault.versions(CredentialTarget.system("spine-int"))).extracting(EntryVersion::state)
                .containsExactly(State.SUPERSEDED, State.ACTIVE);

        kernel.clock.advance(Duration.ofSeconds(1));
        kernel.vault.activate(CredentialTarget.entry("int", "spine-int"), Optional.of(CredentialKind.KEY_PAIR), 1, Optional.empty());
        assertThat(activeVersion()).as("rollback by activating the old version").isEqualTo(1);
    }

    @Test
    void scheduledActivationTakesEffectAtItsTimeWithoutAnyAction() {
        importP12("spine-1", new Activation.Default());
        Instant at = kernel.clock.instant().plus(Duration.ofHours(2));
        ImportResult second = importP12("spine-2", new Activation.At(at));
        assertThat(second.version().state()).isEqualTo(State.SCHEDULED);
        assertThat(second.version().activateAt()).contains(at);
        assertThat(activeVersion()).isEqualTo(1);
        kernel.clock.advance(Duration.ofHours(2));
        assertThat(activeVersion()).isEqualTo(2);
    }

    @Test
    void immediateActivationAndRestartKeepEverything() {
        importP12("spine-1", new Activation.Default());
        importP12("spine-2", new Activation.Now());
        assertThat(activeVersion()).isEqualTo(2);
        VaultService restarted = kernel.restartedVault();
        Unsealed u = restarted.require(spine, CredentialKind.KEY_PAIR);
        assertThat(u.key().version()).isEqualTo(2);
        assertThat(((Material.KeyPair) u.material()).privateKey().getEncoded()).isEqualTo(TestPki.CLIENT_KEY.getPrivate().getEncoded());
        assertThat(restarted.list("int")).extracting(s -> s.version() + ":" + s.active()).containsExactly("1:false", "2:true");
        assertThat(restarted.active("spine-int", "int")).map(s -> s.version()).contains(2);
    }

    @Test
    void badInputStoresNothing() {
        assertThatThrownBy(() -> kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("no-such-system"),
                CredentialKind.KEY_PAIR, List.of(new byte[] {1}))))
                .isInstanceOf(HoldfastException.class)
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.UNKNOWN_SYSTEM))
                .hasMessageContaining("Unknown system 'no-such-system'");
        X509Certificate cert = pki.client("x", Duration.ofDays(365));
        assertThatThrownBy(() -> kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("spine-int"),
                CredentialKind.KEY_PAIR, List.of(TestPki.pkcs12(TestPki.CLIENT_KEY.getPrivate(), PASS, cert)))
                .withPassphrase("nope".toCharArray())))
                .isInstanceOf(CredentialImportException.class).hasMessageContaining("passphrase does not open");
        assertThatThrownBy(() -> kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("spine-int"),
                CredentialKind.KEY_PAIR, List.of(TestPki.pem(TestPki.OTHER_KEY.getPrivate(), cert)))))
                .isInstanceOf(CredentialImportException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("spine-int"),
                CredentialKind.API_KEY, List.of("key".getBytes()))))
                .hasMessageContaining("system 'spine-int' uses TLS_MUTUAL, which reads [KEY_PAIR, TRUST_ANCHORS]; a API_KEY would never be used");
        assertThatThrownBy(() -> kernel.vault.importCredential(ImportRequest.of(CredentialTarget.entry("prod", "x"),
                CredentialKind.API_KEY, List.of("key".getBytes()))))
                .hasMessageContaining("environment 'prod' is not one of dev, test, int, live");
        assertThatThrownBy(() -> kernel.vault.importCredential(ImportRequest.of(CredentialTarget.entry("int", "Bad Id"),
                CredentialKind.API_KEY, List.of("key".getBytes()))))
                .hasMessageContaining("entry id 'Bad Id' must be");
        assertThat(kernel.vault.versions(Optional.empty())).isEmpty();
        assertThat(kernel.vault.optional(spine, CredentialKind.KEY_PAIR)).isEmpty();
    }

    @Test
    void missingMaterialNamesSystemEntryAndFix() {
        assertThatThrownBy(() -> kernel.vault.require(spine, CredentialKind.KEY_PAIR))
                .isInstanceOf(HoldfastException.class)
                .hasMessage("System 'spine-int' has no active KEY_PAIR in the int vault (entry 'spine-int'); import one with"
                        + " holdfast:cred-import --system spine-int --kind KEY_PAIR, or activate a pending version with holdfast:cred-activate");
    }

    @Test
    void activationErrors() {
        importP12("spine-1", new Activation.Default());
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.system("spine-int"), CredentialKind.TRUST_ANCHORS,
                List.of(TestPki.pem(pki.ca))));
        assertThatThrownBy(() -> kernel.vault.activate(CredentialTarget.system("spine-int"), Optional.empty(), 1, Optional.empty()))
                .hasMessageContaining("holds [KEY_PAIR, TRUST_ANCHORS]; name the one to activate with --kind");
        assertThatThrownBy(() -> kernel.vault.activate(CredentialTarget.system("spine-int"), Optional.of(CredentialKind.KEY_PAIR), 7,
                Optional.empty())).hasMessageContaining("int/spine-int KEY_PAIR has no version 7");
        assertThatThrownBy(() -> kernel.vault.activate(CredentialTarget.entry("int", "other"), Optional.empty(), 1, Optional.empty()))
                .hasMessageContaining("the int vault has no entry 'other'");
        assertThatThrownBy(() -> kernel.vault.activate(CredentialTarget.system("spine-int"), Optional.of(CredentialKind.KEY_PAIR), 1,
                Optional.of(kernel.clock.instant().plus(Duration.ofDays(400)))))
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.CREDENTIAL_EXPIRED))
                .hasMessageContaining("cannot activate int/spine-int KEY_PAIR v1: certificate 'CN=spine-1,O=Holdfast Test'");
    }

    @Test
    void storedValuesAreSealedAndBoundToTheirRow() throws Exception {
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.entry("int", "pds"), CredentialKind.API_KEY,
                List.of("s3cr3t-api-key-value".getBytes(StandardCharsets.UTF_8))));
        kernel.vault.importCredential(ImportRequest.of(CredentialTarget.entry("int", "other"), CredentialKind.API_KEY,
                List.of("another-api-key".getBytes(StandardCharsets.UTF_8))));
        byte[] sealed;
        try (Connection c = kernel.store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sealed FROM credential_version WHERE entry_id = 'pds'");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            sealed = rs.getBytes(1);
        }
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("s3cr3t");
        try (Connection c = kernel.store.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE credential_version SET sealed = ? WHERE entry_id = 'other'")) {
            ps.setBytes(1, sealed);
            ps.executeUpdate();
        }
        assertThat(kernel.vault.active(new SlotKey("int", "pds", CredentialKind.API_KEY))).isPresent();
        assertThatThrownBy(() -> kernel.restartedVault().active(new SlotKey("int", "other", CredentialKind.API_KEY)))
                .isInstanceOf(HoldfastException.class)
                .satisfies(e -> assertThat(((HoldfastException) e).errorCode()).isEqualTo(ErrorCode.PAYLOAD_INTEGRITY));
    }

    @Test
    void fingerprintsAreSha256OfTheLeaf() {
        ImportResult result = importP12("spine-1", new Activation.Default());
        Material.KeyPair kp = (Material.KeyPair) kernel.vault.require(spine, CredentialKind.KEY_PAIR).material();
        assertThat(result.version().identity().fingerprint()).contains(Certificates.fingerprint(kp.leaf()));
        assertThat(result.version().identity().fingerprint().get()).hasSize(64);
    }
}
