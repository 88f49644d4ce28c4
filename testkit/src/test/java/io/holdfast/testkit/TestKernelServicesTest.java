package io.holdfast.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Lease;
import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.credentials.api.Activation;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.keys.api.SealedText;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys, vault, inventory, work files, leases, alerts and health of a TestKernel are the kernel's own. */
class TestKernelServicesTest {
    @TempDir
    Path dir;

    @Test
    void testKeysSealAndOpenTextThatAnotherBindingCannotOpen() {
        try (TestKernel k = TestKernel.builder(dir).journalOnly().start()) {
            String sealed = SealedText.seal(k.keys(), "HF-200 timeout talking to epr", 200, "outbox:1");

            assertThat(sealed).startsWith(SealedText.PREFIX).doesNotContain("timeout");
            assertThat(SealedText.open(k.keys(), sealed, "outbox:1")).isEqualTo("HF-200 timeout talking to epr");
            assertThat(SealedText.open(k.keys(), sealed, "outbox:2")).startsWith("(text cannot be decrypted").doesNotContain("timeout");
        }
    }

    @Test
    void anApiKeyImportedIntoTheVaultIsServedByTheShippedProviderAndNotStoredInClear() throws Exception {
        try (TestKernel k = TestKernel.builder(dir).journalOnly().system(apiKeySystem()).start()) {
            k.vaultAdmin().importCredential(ImportRequest.of(CredentialTarget.system("pds"), CredentialKind.API_KEY,
                    List.of("k3y-for-tests-only".getBytes(StandardCharsets.UTF_8))));

            AuthMaterial material = k.authProvider(AuthPattern.API_KEY).orElseThrow().authenticate(k.inventory().require("pds"));

            assertThat(material).isInstanceOfSatisfying(AuthMaterial.Headers.class,
                    h -> assertThat(h.headers()).containsValue("k3y-for-tests-only"));
            assertThat(k.vault().list("int")).singleElement().satisfies(e -> assertThat(e.active()).isTrue());
            k.close();
            assertThat(filesContaining(dir.resolve("derby"), "k3y-for-tests-only")).isEmpty();
        }
    }

    @Test
    void theInventoryValidatesAsInKaraf() {
        try (TestKernel k = TestKernel.builder(dir).journalOnly().start()) {
            DownstreamSystem bad = new DownstreamSystem("epr", "EPR", Optional.empty(), "test", "MLLP", WireFormat.hl7v2("2.4"),
                    "https://epr.invalid/", AuthPattern.NONE, Optional.empty(), Optional.empty());

            assertThatThrownBy(() -> k.inventory().save(bad)).isInstanceOf(HoldfastException.class).hasMessageContaining("mllp://");
        }
    }

    @Test
    void workFilesAreEncryptedOnDiskAndReadBackInClear() throws Exception {
        try (TestKernel k = TestKernel.builder(dir).journalOnly().start()) {
            try (WorkFiles.PendingWorkFile f = k.workFiles().create("mesh-X26", "chunk-1")) {
                f.write("MSH|^~\\&|secret-payload".getBytes(StandardCharsets.UTF_8));
                f.commit();
            }

            try (InputStream in = k.workFiles().open("mesh-X26", "chunk-1")) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("MSH|^~\\&|secret-payload");
            }
            assertThat(filesContaining(dir.resolve("work"), "secret-payload")).isEmpty();
        }
    }

    @Test
    void aLeaseHasOneHolderAtATime() {
        try (TestKernel k = TestKernel.builder(dir).journalOnly().start()) {
            Optional<Lease> first = k.leases().acquire("mesh-poller-X26", "node-a", Duration.ofMinutes(1));

            assertThat(first).isPresent();
            assertThat(k.leases().acquire("mesh-poller-X26", "node-b", Duration.ofMinutes(1))).isEmpty();
            k.leases().release(first.orElseThrow());
            assertThat(k.leases().acquire("mesh-poller-X26", "node-b", Duration.ofMinutes(1))).isPresent();
        }
    }

    @Test
    void alertsAndHealthAreTheKernels() {
        try (TestKernel k = TestKernel.builder(dir).journalOnly().start()) {
            k.alerts().raise("cert:epr", AlertSeverity.WARNING, "test", "certificate expires in 30 days");

            assertThat(k.alerts().active()).singleElement().satisfies(a -> assertThat(a.key()).isEqualTo("cert:epr"));
            assertThat(k.health().components()).anySatisfy(c -> {
                assertThat(c.component()).isEqualTo("inventory");
                assertThat(c.state()).isEqualTo(HealthState.UP);
            });
        }
    }

    @Test
    void theVaultReadsTheTestsClockSoAScheduledVersionActivatesWhenTheClockPassesIt() {
        MutableClock clock = MutableClock.startingNow();
        try (TestKernel k = TestKernel.builder(dir).journalOnly().clock(clock).system(apiKeySystem()).start()) {
            CredentialTarget target = CredentialTarget.system("pds");
            k.vaultAdmin().importCredential(ImportRequest.of(target, CredentialKind.API_KEY, List.of(bytes("first-key"))));
            k.vaultAdmin().importCredential(ImportRequest.of(target, CredentialKind.API_KEY, List.of(bytes("second-key")))
                    .withActivation(new Activation.At(clock.instant().plus(Duration.ofDays(1)))));

            assertThat(k.vault().active("pds", "int").orElseThrow().version()).isEqualTo(1);
            clock.advance(Duration.ofDays(2));
            assertThat(k.vault().active("pds", "int").orElseThrow().version()).isEqualTo(2);
        }
    }

    private static DownstreamSystem apiKeySystem() {
        return new DownstreamSystem("pds", "PDS", Optional.empty(), "int", "HTTP", WireFormat.fhirR4(),
                "https://pds.invalid/", AuthPattern.API_KEY, Optional.empty(), Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Path> filesContaining(Path root, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(f -> contains(f, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= bytes.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (bytes[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
