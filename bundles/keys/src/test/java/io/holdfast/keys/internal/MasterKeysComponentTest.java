package io.holdfast.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.RuntimeMode;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeysComponentTest {
    @TempDir
    Path karafData;

    private final Map<String, String> env = new HashMap<>();
    private final Map<String, String> props = new HashMap<>();
    private final InMemoryHealth health = new InMemoryHealth();
    private final RecordingBundleContext context = new RecordingBundleContext();

    private MasterKeysComponent component() {
        props.putIfAbsent("karaf.data", karafData.toString());
        // these tests give the passphrase in the environment, a sandbox-only source (PassphraseSourceTest)
        props.putIfAbsent(RuntimeMode.PROPERTY, "sandbox");
        return new MasterKeysComponent(new PassphraseSource(env::get, props::get), props::get, health);
    }

    private static MasterKeysComponent.Config config(String keystorePath) {
        return new MasterKeysComponent.Config() {
            @Override
            public String keystorePath() {
                return keystorePath;
            }

            @Override
            public Class<? extends Annotation> annotationType() {
                return MasterKeysComponent.Config.class;
            }
        };
    }

    private Path defaultKeystore() {
        return karafData.resolve("holdfast/keys/master.p12");
    }

    private ComponentHealth keysHealth() {
        return health.get(MasterKeysComponent.HEALTH_NAME);
    }

    @Test
    void opensDefaultKeystoreRegistersServiceAndReportsUp() {
        env.put(PassphraseSource.ENV_PASSPHRASE, "component-pass");
        MasterKeysComponent component = component();
        component.activate(context.proxy(), config(""));

        assertThat(defaultKeystore()).exists();
        assertThat(context.registered).singleElement().isInstanceOf(MasterKeys.class);
        assertThat(keysHealth().state()).isEqualTo(HealthState.UP);
        assertThat(keysHealth().detail()).contains(defaultKeystore().toString(), "payload v1 (current v1)");

        MasterKeys keys = (MasterKeys) context.registered.get(0);
        keys.rotate(KeyPurpose.PAYLOAD);
        assertThat(keysHealth().detail()).contains("payload v1,v2 (current v2)");

        component.deactivate();
        assertThat(context.registered).isEmpty();
        assertThat(keysHealth().state()).isEqualTo(HealthState.DOWN);
    }

    @Test
    void missingPassphraseReportsDownAndWritesNothing() {
        MasterKeysComponent component = component();
        component.activate(context.proxy(), config(""));

        assertThat(context.registered).isEmpty();
        assertThat(keysHealth().state()).isEqualTo(HealthState.DOWN);
        assertThat(keysHealth().detail()).startsWith("HF-311 ").contains("not initialised", "bin/holdfast-init", "HOLDFAST_MASTER_KEY_FILE");
        assertThat(karafData.resolve("holdfast")).doesNotExist();
        component.deactivate();
    }

    @Test
    void wrongPassphraseReportsDownAndLeavesKeystore() throws Exception {
        env.put(PassphraseSource.ENV_PASSPHRASE, "first");
        component().activate(new RecordingBundleContext().proxy(), config(""));
        byte[] before = Files.readAllBytes(defaultKeystore());

        env.put(PassphraseSource.ENV_PASSPHRASE, "second");
        component().activate(context.proxy(), config(""));

        assertThat(context.registered).isEmpty();
        assertThat(keysHealth().state()).isEqualTo(HealthState.DOWN);
        assertThat(keysHealth().detail()).startsWith("HF-311 ").contains("does not open " + defaultKeystore());
        assertThat(Files.readAllBytes(defaultKeystore())).isEqualTo(before);
    }

    @Test
    void missingKeystoreWithEncryptedDataReportsDown() throws Exception {
        Files.createDirectories(karafData.resolve("holdfast"));
        Files.writeString(karafData.resolve("holdfast/journal.head"), "1 abc 1\n");
        env.put(PassphraseSource.ENV_PASSPHRASE, "pass");
        component().activate(context.proxy(), config(""));

        assertThat(context.registered).isEmpty();
        assertThat(keysHealth().detail()).startsWith("HF-310 ").contains("restore the keystore from backup");
        assertThat(defaultKeystore()).doesNotExist();
    }

    @Test
    void configuredKeystorePathIsUsedAndRelativePathRejected() {
        env.put(PassphraseSource.ENV_PASSPHRASE, "pass");
        Path custom = karafData.resolve("elsewhere/keys.p12");
        MasterKeysComponent component = component();
        component.activate(context.proxy(), config(custom.toString()));
        assertThat(custom).exists();
        assertThat(((MasterKeys) context.registered.get(0)).keystorePath()).isEqualTo(custom);
        component.deactivate();

        component().activate(context.proxy(), config("relative/keys.p12"));
        assertThat(context.registered).isEmpty();
        assertThat(keysHealth().detail()).startsWith("HF-200 ").contains("io.holdfast.keys", "keystorePath", "absolute");
    }

    @Test
    void missingKarafDataReportsDown() {
        env.put(PassphraseSource.ENV_PASSPHRASE, "pass");
        props.put("karaf.data", "");
        component().activate(context.proxy(), config(""));
        assertThat(context.registered).isEmpty();
        assertThat(keysHealth().detail()).startsWith("HF-310 ").contains("karaf.data");
    }
}
