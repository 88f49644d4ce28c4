package io.holdfast.mesh.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeshMailboxSettingsTest {
    static final String PID = "io.holdfast.mesh.mailbox.5f1c";

    /** A config instance as DS would build it: given values, else the annotation's defaults. */
    static MeshMailboxConfig config(Map<String, Object> values) {
        return (MeshMailboxConfig) Proxy.newProxyInstance(MeshMailboxConfig.class.getClassLoader(), new Class<?>[] {MeshMailboxConfig.class},
                (proxy, m, args) -> {
                    if (values.containsKey(m.getName())) {
                        return values.get(m.getName());
                    }
                    if (m.getDefaultValue() != null) {
                        return m.getDefaultValue();
                    }
                    return m.getName().equals("annotationType") ? MeshMailboxConfig.class : null;
                });
    }

    static Map<String, Object> valid() {
        Map<String, Object> v = new HashMap<>();
        v.put("mailboxId", "x26abc1");
        v.put("baseUrl", "http://127.0.0.1:8700");
        v.put("password", "password");
        v.put("sharedKey", "TestKey");
        return v;
    }

    static MeshMailboxSettings settings(Map<String, Object> v) {
        return MeshMailboxSettings.from(PID, config(v));
    }

    @Test
    void defaults() {
        MeshMailboxSettings s = settings(valid());
        assertThat(s.mailboxId()).isEqualTo("X26ABC1");
        assertThat(s.chunkSize()).isEqualTo(75L * 1024 * 1024);
        assertThat(s.gzip()).isEqualTo(GzipPolicy.AUTO);
        assertThat(s.pollInterval().toSeconds()).isEqualTo(300);
        assertThat(s.workOwner()).isEqualTo("mesh-X26ABC1");
        assertThat(s.limits()).isEqualTo(InboundLimits.DEFAULTS);
        assertThat(s.limits().maxMessageBytes()).isEqualTo(1L << 30);
        assertThat(s.limits().maxChunks()).isEqualTo(200);
        assertThat(s.limits().maxGzipRatio()).isEqualTo(100);
        assertThat(s.trackingInterval().toSeconds()).isEqualTo(60);
        assertThat(s.trackingMaxInterval().toSeconds()).isEqualTo(3600);
        assertThat(s.pageSize()).isEqualTo(500);
        assertThat(s.toString()).doesNotContain("password", "TestKey");
    }

    @Test
    void errorsNameThePidTheKeyAndWhatIsAllowed() {
        expect(Map.of("mailboxId", ""), "mailboxId");
        expect(Map.of("mailboxId", "X26/ABC"), "mailboxId");
        expect(Map.of("environment", "prod"), "environment", "dev, int, live, test");
        expect(Map.of("baseUrl", "ftp://x"), "baseUrl");
        expect(Map.of("password", ""), "credentialRef");
        expect(Map.of("environment", "live", "credentialRef", "mesh-x26abc1"), "password");
        expect(Map.of("chunkSizeBytes", 200_000_000L), "chunkSizeBytes", "1024..100000000");
        expect(Map.of("gzip", "SOMETIMES"), "gzip", "AUTO, ALWAYS, NEVER");
        expect(Map.of("pollIntervalSeconds", 0), "pollIntervalSeconds");
        expect(Map.of("maxChunks", 0), "maxChunks");
        expect(Map.of("maxGzipRatio", 0), "maxGzipRatio");
        expect(Map.of("maxMessageBytes", 10L), "maxMessageBytes");
        expect(Map.of("minFreeDiskBytes", -1L), "minFreeDiskBytes");
        expect(Map.of("trackingIntervalSeconds", 0), "trackingIntervalSeconds");
        expect(Map.of("trackingIntervalSeconds", 600, "trackingMaxIntervalSeconds", 60), "trackingMaxIntervalSeconds", "600..");
    }

    /** MESH API v2 accepts max_results from 10 to 5000. */
    @Test
    void pageSizeIsTheRangeMeshAccepts() {
        expect(Map.of("pageSize", 9), "pageSize", "10..5000");
        expect(Map.of("pageSize", 5001), "pageSize", "10..5000");
        Map<String, Object> v = valid();
        v.put("pageSize", 10);
        assertThat(settings(v).pageSize()).isEqualTo(10);
        v.put("pageSize", 5000);
        assertThat(settings(v).pageSize()).isEqualTo(5000);
    }

    @Test
    void anEmptyWorkflowListAcceptsNothingAndAStarAcceptsAll() {
        MeshMailboxSettings none = settings(valid());
        assertThat(none.accepts("TEST_WORKFLOW")).isFalse();
        assertThat(none.workflows().acceptsNothing()).isTrue();
        Map<String, Object> v = valid();
        v.put("workflowIds", new String[] {" * "});
        MeshMailboxSettings all = settings(v);
        assertThat(all.accepts("ANY_WORKFLOW")).isTrue();
        assertThat(all.workflows().acceptsNothing()).isFalse();
        v.put("workflowIds", new String[] {"A", ""});
        assertThat(settings(v).accepts("A")).isTrue();
        assertThat(settings(v).accepts("B")).isFalse();
    }

    @Test
    void liveWithAVaultReferenceOverHttps() {
        Map<String, Object> v = valid();
        v.remove("password");
        v.remove("sharedKey");
        v.put("environment", "LIVE");
        v.put("credentialRef", "mesh-x26abc1");
        v.put("baseUrl", "https://msg.spineservices.nhs.uk");
        v.put("workflowIds", new String[] {"TEST_WORKFLOW", " "});
        MeshMailboxSettings s = settings(v);
        assertThat(s.environment()).isEqualTo("live");
        assertThat(s.workflows().ids()).containsExactly("TEST_WORKFLOW");
        v.put("baseUrl", "http://msg.spineservices.nhs.uk");
        assertThatThrownBy(() -> settings(v)).isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("baseUrl");
    }

    private static void expect(Map<String, Object> change, String key, String... allowed) {
        Map<String, Object> v = valid();
        v.putAll(change);
        assertThatThrownBy(() -> settings(v)).isInstanceOfSatisfying(InvalidConfigurationException.class, e -> {
            assertThat(e.pid()).isEqualTo(PID);
            assertThat(e.key()).isEqualTo(key);
            for (String a : allowed) {
                assertThat(e.allowed()).contains(a);
            }
        });
    }
}
