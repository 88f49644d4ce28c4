package io.holdfast.pds.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.pds.internal.config.PdsConfig;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Activation validates the configuration: a bad value fails the component and says why on holdfast:status. */
class PdsServiceComponentTest {
    private final List<String> reports = new ArrayList<>();
    private final Health health = new Health() {
        @Override
        public void report(String component, HealthState state, String detail) {
            reports.add(component + " " + state + " " + detail);
        }

        @Override
        public void remove(String component) {
            reports.add(component + " removed");
        }

        @Override
        public List<ComponentHealth> components() {
            return List.of();
        }

        @Override
        public HealthState overall() {
            return HealthState.UP;
        }
    };

    static PdsConfig config(int tps) {
        return new PdsConfig() {
            @Override public Class<? extends Annotation> annotationType() { return PdsConfig.class; }
            @Override public String systemId() { return "pds"; }
            @Override public int tps() { return tps; }
            @Override public int cacheTtlSeconds() { return 0; }
            @Override public int cacheMaxEntries() { return 100; }
            @Override public int connectTimeoutSeconds() { return 5; }
            @Override public int requestTimeoutSeconds() { return 15; }
            @Override public int maxResponseBytes() { return 1 << 20; }
            @Override public int maxAttempts() { return 3; }
            @Override public int maxRetryWaitSeconds() { return 10; }
            @Override public int rateWaitSeconds() { return 30; }
        };
    }

    @Test
    void anInvalidConfigurationFailsActivationAndReportsDown() {
        PdsServiceComponent c = new PdsServiceComponent();
        c.health = health;
        assertThatThrownBy(() -> c.activate(config(0))).isInstanceOf(InvalidConfigurationException.class);
        assertThat(reports).singleElement().asString().startsWith("pds DOWN HF-200 Configuration io.holdfast.pds: key 'tps'");

        c.activate(config(5));
        assertThat(reports.get(1)).isEqualTo("pds UP system 'pds' at 5 requests/s, cache off");
        c.deactivate();
        assertThat(reports.get(2)).isEqualTo("pds removed");
    }
}
