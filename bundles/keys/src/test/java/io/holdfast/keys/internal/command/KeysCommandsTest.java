package io.holdfast.keys.internal.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.kernel.HealthState;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.internal.InMemoryHealth;
import io.holdfast.keys.internal.KeystoreMasterKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeysCommandsTest {
    @TempDir
    Path data;

    private KeystoreMasterKeys keys;
    private final InMemoryHealth health = new InMemoryHealth();

    @BeforeEach
    void open() {
        keys = KeystoreMasterKeys.open(data.resolve("keys/master.p12"), "pass".toCharArray(), true, data);
    }

    @AfterEach
    void close() {
        keys.close();
    }

    @Test
    void listsPurposesVersionsAndPathButNoKeyBytes() throws Exception {
        keys.rotate(KeyPurpose.PAYLOAD);
        KeysCommand command = new KeysCommand();
        command.keys = keys;
        String out = stdout(command::execute);
        assertThat(out).contains("Keystore: " + keys.keystorePath(), "payload", "field_digest", "vault", "v2",
                "decrypts data written before rotation");
        assertThat(out.lines().filter(l -> l.contains("payload") && l.contains("v2"))).singleElement()
                .asString().contains("*");
        for (KeyPurpose purpose : KeyPurpose.values()) {
            assertThat(out).doesNotContain(HexFormat.of().formatHex(keys.current(purpose).key().getEncoded()));
        }
    }

    @Test
    void rotatesByPurposeNameAndRefusesOthers() throws Exception {
        KeysRotateCommand command = new KeysRotateCommand();
        command.keys = keys;
        command.purpose = "vault";
        assertThat(stdout(command::execute)).contains("Rotated vault: v2", "Back up");
        assertThat(keys.versions(KeyPurpose.VAULT)).containsExactly(1, 2);

        command.purpose = "field_digest";
        assertThatThrownBy(command::execute).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be rotated");
        command.purpose = "bogus";
        assertThatThrownBy(command::execute).hasMessageContaining("allowed: payload, vault");
    }

    @Test
    void explainsWhyKeysAreUnavailable() {
        health.report("keys", HealthState.DOWN, "HF-311 the passphrase does not open /x/master.p12");
        KeysCommand command = new KeysCommand();
        command.health = health;
        assertThatThrownBy(command::execute).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("HF-311 the passphrase does not open");
    }

    private static String stdout(ThrowingCall call) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            call.run();
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    interface ThrowingCall {
        Object run() throws Exception;
    }
}
