package io.holdfast.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.RuntimeMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassphraseSourceTest {
    @TempDir
    Path dir;

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> props = new HashMap<>();

    private PassphraseSource source() {
        return new PassphraseSource(env::get, props::get);
    }

    private String resolved() {
        return new String(source().resolve().chars());
    }

    private Path file(String content) throws Exception {
        return file(content, "rw-------");
    }

    private Path file(String content, String mode) throws Exception {
        Path file = dir.resolve("passphrase-" + content.hashCode() + "-" + mode);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
        return file;
    }

    private void sandbox() {
        props.put(RuntimeMode.PROPERTY, "sandbox");
    }

    private static void refusedWith(Runnable call, String... parts) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HoldfastException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_PASSPHRASE);
            assertThat(e.getMessage()).contains(parts);
        });
    }

    @Test
    void environmentPassphraseIsRefusedInProduction() throws Exception {
        env.put(PassphraseSource.ENV_PASSPHRASE, "from-env");
        env.put(PassphraseSource.ENV_KEY_FILE, file("from-file").toString());
        refusedWith(this::resolved, "HOLDFAST_MASTER_PASSPHRASE is accepted only in sandbox mode", "production");
        props.put(RuntimeMode.PROPERTY, "Production");
        refusedWith(this::resolved, "only in sandbox mode");
        props.put(RuntimeMode.PROPERTY, "sandbx");
        refusedWith(this::resolved, "only in sandbox mode");
    }

    @Test
    void systemPropertyPassphraseIsRefusedInProduction() {
        props.put(PassphraseSource.PROP_PASSPHRASE, "from-prop");
        refusedWith(this::resolved, "system property holdfast.master.passphrase is accepted only in sandbox mode");
    }

    @Test
    void environmentPassphraseIsAcceptedInSandboxAndWins() throws Exception {
        sandbox();
        env.put(PassphraseSource.ENV_PASSPHRASE, "from-env");
        env.put(PassphraseSource.ENV_KEY_FILE, file("from-file").toString());
        props.put(PassphraseSource.PROP_PASSPHRASE, "from-prop");
        assertThat(resolved()).isEqualTo("from-env");
        assertThat(source().resolve().origin()).isEqualTo(PassphraseSource.ENV_PASSPHRASE);
        env.remove(PassphraseSource.ENV_PASSPHRASE);
        assertThat(resolved()).isEqualTo("from-prop");
    }

    @Test
    void privateKeyFileIsAcceptedInProductionWithTrailingNewlinesTrimmedOnly() throws Exception {
        env.put(PassphraseSource.ENV_KEY_FILE, file("  two words \r\n\n").toString());
        assertThat(resolved()).isEqualTo("  two words ");
        env.put(PassphraseSource.ENV_KEY_FILE, file("read-only owner\n", "r--------").toString());
        assertThat(resolved()).isEqualTo("read-only owner");
    }

    @Test
    void keyFileReadableOrWritableByOthersIsRefused() throws Exception {
        for (String mode : new String[] {"rw-r-----", "rw----r--", "rw--w----", "rw-rw-rw-"}) {
            Path shared = file("secret\n", mode);
            env.put(PassphraseSource.ENV_KEY_FILE, shared.toString());
            refusedWith(this::resolved, shared.toString(), mode, "chmod 600");
        }
        // also in sandbox mode: the file rule does not depend on the mode
        sandbox();
        refusedWith(this::resolved, "chmod 600");
    }

    @Test
    void olderFileVariableAndSystemPropertiesStillNameAKeyFile() throws Exception {
        props.put(PassphraseSource.PROP_KEY_FILE, file("prop-key-file\n").toString());
        assertThat(resolved()).isEqualTo("prop-key-file");
        env.put(PassphraseSource.ENV_FILE, file("legacy-env-file\n").toString());
        assertThat(resolved()).isEqualTo("legacy-env-file");
        env.put(PassphraseSource.ENV_KEY_FILE, file("env-key-file\n").toString());
        assertThat(resolved()).isEqualTo("env-key-file");
    }

    @Test
    void defaultKeyFileInKarafEtcIsUsed() throws Exception {
        props.put("karaf.etc", dir.toString());
        Path key = dir.resolve(PassphraseSource.DEFAULT_KEY_FILE);
        Files.writeString(key, "default-file\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        refusedWith(this::resolved, key.toString(), "chmod 600");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(resolved()).isEqualTo("default-file");
    }

    @Test
    void systemdCredentialWinsOverKeyFiles() throws Exception {
        Path credentials = Files.createDirectory(dir.resolve("credentials"));
        Files.writeString(credentials.resolve(PassphraseSource.CREDENTIAL_NAME), "from-systemd\n");
        env.put(PassphraseSource.ENV_CREDENTIALS_DIRECTORY, credentials.toString());
        env.put(PassphraseSource.ENV_KEY_FILE, file("from-file").toString());
        assertThat(resolved()).isEqualTo("from-systemd");
        assertThat(source().resolve().origin()).contains("systemd credential");
        // a credentials directory without Holdfast's credential falls through to the key file
        Files.delete(credentials.resolve(PassphraseSource.CREDENTIAL_NAME));
        assertThat(resolved()).isEqualTo("from-file");
    }

    @Test
    void emptyEnvironmentVariableCountsAsUnset() throws Exception {
        env.put(PassphraseSource.ENV_PASSPHRASE, "");
        env.put(PassphraseSource.ENV_KEY_FILE, file("from-file").toString());
        assertThat(resolved()).isEqualTo("from-file");
    }

    @Test
    void missingKeySaysHowToInitialiseInOneLine() {
        props.put("karaf.etc", dir.toString());
        refusedWith(this::resolved, "not initialised", "bin/holdfast-init",
                dir.resolve(PassphraseSource.DEFAULT_KEY_FILE).toString(), "HOLDFAST_MASTER_KEY_FILE");
        assertThatThrownBy(this::resolved).satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void unreadableKeyFileNamesThePath() {
        Path missing = dir.resolve("no-such-file");
        env.put(PassphraseSource.ENV_KEY_FILE, missing.toString());
        refusedWith(this::resolved, missing.toString(), "does not exist", PassphraseSource.ENV_KEY_FILE);
    }

    @Test
    void emptyKeyFileIsRefused() throws Exception {
        env.put(PassphraseSource.ENV_KEY_FILE, file("\n").toString());
        assertThatThrownBy(this::resolved).isInstanceOf(HoldfastException.class).hasMessageContaining("is empty");
    }

    @Test
    void toStringNeverShowsThePassphrase() {
        sandbox();
        env.put(PassphraseSource.ENV_PASSPHRASE, "do-not-print-me");
        assertThat(source().resolve().toString()).doesNotContain("do-not-print-me");
    }
}
