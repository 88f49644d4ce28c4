package io.holdfast.pds.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import java.lang.annotation.Annotation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PdsSettingsTest {

    /** The shipped defaults, with one key overridden. */
    static PdsConfig config(String key, Object value) {
        return new PdsConfig() {
            @Override public Class<? extends Annotation> annotationType() { return PdsConfig.class; }
            @Override public String systemId() { return key.equals("systemId") ? (String) value : "pds"; }
            @Override public int tps() { return key.equals("tps") ? (int) value : 5; }
            @Override public int cacheTtlSeconds() { return key.equals("cacheTtlSeconds") ? (int) value : 0; }
            @Override public int cacheMaxEntries() { return key.equals("cacheMaxEntries") ? (int) value : 10_000; }
            @Override public int connectTimeoutSeconds() { return 5; }
            @Override public int requestTimeoutSeconds() { return 15; }
            @Override public int maxResponseBytes() { return key.equals("maxResponseBytes") ? (int) value : 1 << 20; }
            @Override public int maxAttempts() { return key.equals("maxAttempts") ? (int) value : 3; }
            @Override public int maxRetryWaitSeconds() { return 10; }
            @Override public int rateWaitSeconds() { return 30; }
        };
    }

    @Test
    void defaultsAreValidAndTheCacheIsOff() {
        PdsSettings s = PdsSettings.from(config("", null));
        assertThat(s.systemId()).isEqualTo("pds");
        assertThat(s.tps()).isEqualTo(5);
        assertThat(s.cacheTtl()).isEqualTo(Duration.ZERO);
        assertThat(s).isEqualTo(PdsSettings.defaults("pds"));
    }

    @Test
    void eachBadValueNamesPidKeyAndRange() {
        assertThatThrownBy(() -> PdsSettings.from(config("tps", 0))).isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("io.holdfast.pds").hasMessageContaining("'tps'").hasMessageContaining("1..100");
        assertThatThrownBy(() -> PdsSettings.from(config("cacheTtlSeconds", -1))).hasMessageContaining("'cacheTtlSeconds'");
        assertThatThrownBy(() -> PdsSettings.from(config("cacheMaxEntries", 0))).hasMessageContaining("'cacheMaxEntries'");
        assertThatThrownBy(() -> PdsSettings.from(config("maxResponseBytes", 10))).hasMessageContaining("'maxResponseBytes'");
        assertThatThrownBy(() -> PdsSettings.from(config("maxAttempts", 11))).hasMessageContaining("'maxAttempts'");
        assertThatThrownBy(() -> PdsSettings.from(config("systemId", "no spaces"))).hasMessageContaining("'systemId'");
    }
}
