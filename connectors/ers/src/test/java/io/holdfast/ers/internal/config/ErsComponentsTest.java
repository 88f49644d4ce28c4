package io.holdfast.ers.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.ers.internal.ErsServiceComponentAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Activation validates: a bad value fails the component and says why on holdfast:status (PID, key, allowed values). */
class ErsComponentsTest {
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

    @Test
    void theServiceComponentFailsOnABadValueAndReportsDown() {
        assertThatThrownBy(() -> ErsServiceComponentAccess.activate(health, ErsConfigValidationTest.config(Map.of("maxAttempts", 11))))
                .isInstanceOf(InvalidConfigurationException.class);
        assertThat(reports).singleElement().asString().startsWith("ers DOWN HF-200 Configuration io.holdfast.ers: key 'maxAttempts'");

        ErsServiceComponentAccess.activate(health, ErsConfigValidationTest.config(Map.of()));
        assertThat(reports.get(1)).isEqualTo("ers UP system 'ers', 3 attempts per call");
    }

    @Test
    void aRoleFileWithABadValueIsDownNamingTheFile() {
        ErsRoleComponent c = new ErsRoleComponent();
        c.health = health;
        Map<String, Object> props = Map.of("felix.fileinstall.filename", "file:/opt/holdfast/etc/io.holdfast.ers.role-ers.cfg");
        assertThatThrownBy(() -> c.activate(ErsConfigValidationTest.role(Map.of("systemId", "ers", "businessFunction", "X")), props))
                .isInstanceOf(InvalidConfigurationException.class);
        assertThat(reports).singleElement().asString()
                .startsWith("ers-role:file:/opt/holdfast/etc/io.holdfast.ers.role-ers.cfg DOWN HF-200 Configuration io.holdfast.ers.role: key 'businessFunction'");

        c.activate(ErsConfigValidationTest.role(Map.of("systemId", "ers")), props);
        assertThat(c.role().businessFunction()).isEqualTo("SERVICE_PROVIDER_CLINICIAN");
        c.deactivate();
        assertThat(reports.get(2)).endsWith("removed");
    }
}
