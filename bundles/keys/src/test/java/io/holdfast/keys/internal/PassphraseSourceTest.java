package io.holdfast.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
        Path file = dir.resolve("passphrase-" + content.hashCode());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void environmentVariableWinsOverFileAndSystemProperties() throws Exception {
        env.put(PassphraseSource.ENV_PASSPHRASE, "from-env");
        env.put(PassphraseSource.ENV_FILE, file("from-file").toString());
        props.put(PassphraseSource.PROP_PASSPHRASE, "from-prop");
        assertThat(resolved()).isEqualTo("from-env");
        assertThat(source().resolve().origin()).isEqualTo(PassphraseSource.ENV_PASSPHRASE);
    }

    @Test
    void fileNamedByEnvironmentHasTrailingNewlinesTrimmedOnly() throws Exception {
        env.put(PassphraseSource.ENV_FILE, file("  two words \r\n\n").toString());
        assertThat(resolved()).isEqualTo("  two words ");
    }

    @Test
    void environmentFileWinsOverSystemProperties() throws Exception {
        env.put(PassphraseSource.ENV_FILE, file("from-file\n").toString());
        props.put(PassphraseSource.PROP_PASSPHRASE, "from-prop");
        assertThat(resolved()).isEqualTo("from-file");
    }

    @Test
    void systemPropertiesAreUsedOnlyWhenEnvironmentIsUnset() throws Exception {
        props.put(PassphraseSource.PROP_FILE, file("prop-file\n").toString());
        assertThat(resolved()).isEqualTo("prop-file");
        props.put(PassphraseSource.PROP_PASSPHRASE, "prop-value");
        assertThat(resolved()).isEqualTo("prop-value");
    }

    @Test
    void emptyEnvironmentVariableCountsAsUnset() {
        env.put(PassphraseSource.ENV_PASSPHRASE, "");
        props.put(PassphraseSource.PROP_PASSPHRASE, "prop-value");
        assertThat(resolved()).isEqualTo("prop-value");
    }

    @Test
    void missingPassphraseNamesBothVariables() {
        assertThatThrownBy(this::resolved).isInstanceOfSatisfying(HoldfastException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_PASSPHRASE);
            assertThat(e.getMessage()).contains("no passphrase", "HOLDFAST_MASTER_PASSPHRASE ",
                    "HOLDFAST_MASTER_PASSPHRASE_FILE");
        });
    }

    @Test
    void unreadablePassphraseFileNamesThePath() {
        Path missing = dir.resolve("no-such-file");
        env.put(PassphraseSource.ENV_FILE, missing.toString());
        assertThatThrownBy(this::resolved).isInstanceOfSatisfying(HoldfastException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_PASSPHRASE);
            assertThat(e.getMessage()).contains(missing.toString(), "does not exist", PassphraseSource.ENV_FILE);
        });
        env.put(PassphraseSource.ENV_FILE, dir.toString());
        assertThatThrownBy(this::resolved).isInstanceOf(HoldfastException.class).hasMessageContaining(dir.toString());
    }

    @Test
    void emptyPassphraseFileIsRefused() throws Exception {
        env.put(PassphraseSource.ENV_FILE, file("\n").toString());
        assertThatThrownBy(this::resolved).isInstanceOf(HoldfastException.class).hasMessageContaining("is empty");
    }

    @Test
    void toStringNeverShowsThePassphrase() {
        env.put(PassphraseSource.ENV_PASSPHRASE, "do-not-print-me");
        assertThat(source().resolve().toString()).doesNotContain("do-not-print-me");
    }
}
