package io.holdfast.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.RuntimeMode;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * slf4j-simple writes to whatever {@code System.err} is at the time of each log call, and surefire
 * sets our loggers to TRACE, so swapping System.err captures every line this bundle logs.
 */
class SecretLeakTest {
    private static final String PASSPHRASE = "Leak-Canary-Passphrase-7f3a";

    @TempDir
    Path karafData;

    @Test
    void logsNeverContainPassphraseOrKeyMaterial() {
        InMemoryHealth health = new InMemoryHealth();
        RecordingBundleContext context = new RecordingBundleContext();
        Map<String, String> props = Map.of("karaf.data", karafData.toString(), RuntimeMode.PROPERTY, "sandbox");
        List<String> secrets = new ArrayList<>(List.of(PASSPHRASE));

        String logs = captureStderr(() -> {
            MasterKeysComponent created = component(PASSPHRASE, props, health);
            created.activate(context.proxy(), config());
            MasterKeys keys = (MasterKeys) context.registered.get(0);
            keys.rotate(KeyPurpose.PAYLOAD);
            keys.rotate(KeyPurpose.VAULT);
            keys.digest("9434765919");
            for (KeyPurpose purpose : KeyPurpose.values()) {
                for (int version : keys.versions(purpose)) {
                    byte[] key = keys.version(purpose, version).key().getEncoded();
                    secrets.add(HexFormat.of().formatHex(key));
                    secrets.add(HexFormat.of().withUpperCase().formatHex(key));
                    secrets.add(Base64.getEncoder().encodeToString(key));
                }
            }
            created.deactivate();
            component(PASSPHRASE, props, health).activate(context.proxy(), config());
            component("wrong-" + PASSPHRASE, props, health).activate(context.proxy(), config());
        });

        assertThat(logs).contains("Generated a new master keystore", "Rotated PAYLOAD", "Opened master keystore", "HF-311");
        for (String secret : secrets) {
            assertThat(logs).doesNotContain(secret);
        }
        health.components().forEach(c -> secrets.forEach(s -> assertThat(c.detail()).doesNotContain(s)));
    }

    private static MasterKeysComponent component(String passphrase, Map<String, String> props, InMemoryHealth health) {
        Map<String, String> env = Map.of(PassphraseSource.ENV_PASSPHRASE, passphrase);
        return new MasterKeysComponent(new PassphraseSource(env::get, props::get), props::get, health);
    }

    private static MasterKeysComponent.Config config() {
        return new MasterKeysComponent.Config() {
            @Override
            public String keystorePath() {
                return "";
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MasterKeysComponent.Config.class;
            }
        };
    }

    private static String captureStderr(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        String logs = captured.toString(StandardCharsets.UTF_8);
        original.print(logs);
        return logs;
    }
}
