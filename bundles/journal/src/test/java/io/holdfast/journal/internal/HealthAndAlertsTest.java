package io.holdfast.journal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.api.kernel.Alert;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.journal.internal.JournalConditions.Condition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The component turns journal conditions into health states and kernel alerts. */
class HealthAndAlertsTest {
    final Map<String, HealthState> health = new LinkedHashMap<>();
    final Map<String, AlertSeverity> alerts = new LinkedHashMap<>();

    final JournalComponent.HealthAndAlerts conditions = new JournalComponent.HealthAndAlerts(new Health() {
        @Override
        public void report(String component, HealthState state, String detail) {
            health.put(component, state);
        }

        @Override
        public void remove(String component) {
            health.remove(component);
        }

        @Override
        public List<ComponentHealth> components() {
            return List.of();
        }

        @Override
        public HealthState overall() {
            return HealthState.UP;
        }
    }, new Alerts() {
        @Override
        public void raise(String key, AlertSeverity severity, String source, String text) {
            alerts.put(key, severity);
        }

        @Override
        public void clear(String key) {
            alerts.remove(key);
        }

        @Override
        public List<Alert> active() {
            return new ArrayList<>();
        }
    });

    @Test
    void aFullDiskIsDownAndCriticalUntilCleared() {
        conditions.down(Condition.DISK, "new input refused: 10 MiB free");
        assertThat(health).containsEntry("journal.disk", HealthState.DOWN);
        assertThat(alerts).containsEntry("disk:data-folder", AlertSeverity.CRITICAL);
        conditions.cleared(Condition.DISK, "accepting input");
        assertThat(health).containsEntry("journal.disk", HealthState.UP);
        assertThat(alerts).isEmpty();
    }

    @Test
    void aFailingWatermarkIsDegradedAndAWarning() {
        conditions.degraded(Condition.WATERMARK, "watermark write failed");
        assertThat(health).containsEntry("journal.watermark", HealthState.DEGRADED);
        assertThat(alerts).containsEntry("journal:watermark", AlertSeverity.WARNING);
    }
}
