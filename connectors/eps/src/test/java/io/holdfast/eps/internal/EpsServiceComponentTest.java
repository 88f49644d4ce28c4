package io.holdfast.eps.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.eps.internal.config.EpsConfig;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Activation validates the configuration: a bad value fails the component and says why on holdfast:status. */
class EpsServiceComponentTest {
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

    static EpsConfig config(int requestTimeout) {
        return new EpsConfig() {
            @Override public Class<? extends Annotation> annotationType() { return EpsConfig.class; }
            @Override public String systemId() { return "eps"; }
            @Override public String prescriberOdsCode() { return ""; }
            @Override public int connectTimeoutSeconds() { return 5; }
            @Override public int requestTimeoutSeconds() { return requestTimeout; }
            @Override public int maxResponseBytes() { return 1 << 20; }
            @Override public int maxAttempts() { return 3; }
            @Override public int maxRetryWaitSeconds() { return 10; }
        };
    }

    @Test
    void anInvalidConfigurationFailsActivationAndReportsDown() {
        EpsServiceComponent c = new EpsServiceComponent();
        c.health = health;
        assertThatThrownBy(() -> c.activate(config(0))).isInstanceOf(InvalidConfigurationException.class);
        assertThat(reports).singleElement().asString()
                .startsWith("eps DOWN HF-200 Configuration io.holdfast.eps: key 'requestTimeoutSeconds'");
        c.activate(config(30));
        assertThat(reports.get(1)).isEqualTo("eps UP system 'eps'");
        c.deactivate();
        assertThat(reports.get(2)).isEqualTo("eps removed");
    }
}
