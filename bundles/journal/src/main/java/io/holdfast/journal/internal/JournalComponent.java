package io.holdfast.journal.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.AlertSeverity;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Journal;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.store.api.Store;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import org.osgi.annotation.bundle.Capability;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the journal once the store and master keys are up, and offers {@link Journal} and
 * {@link JournalWriter} only if it started (a journal behind its watermark, or bad config, leaves
 * both absent and says why in {@code holdfast:status}).
 */
@Capability(namespace = "osgi.service", attribute = "objectClass:List<String>=\"io.holdfast.api.kernel.Journal,io.holdfast.journal.api.JournalWriter,io.holdfast.journal.internal.JournalCore\"", uses = {Journal.class, JournalWriter.class})
@Component(immediate = true, configurationPid = JournalConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = JournalConfig.class)
public class JournalComponent {
    private static final Logger LOG = LoggerFactory.getLogger(JournalComponent.class);
    static final String HEALTH_NAME = "journal";

    @Reference
    Store store;

    @Reference
    MasterKeys keys;

    @Reference
    Health health;

    @Reference
    MeterRegistry meters;

    @Reference
    Alerts alerts;

    private JournalCore core;
    private ServiceRegistration<?> registration;

    @Activate
    void activate(BundleContext context, JournalConfig config) {
        try {
            Path dir = config.dataDirectory().isBlank()
                    ? Path.of(System.getProperty("karaf.data", "data"), "holdfast")
                    : Path.of(config.dataDirectory());
            core = new JournalCore(store, keys, dir, config, JournalEnvironment.production(new HealthAndAlerts(health, alerts)));
            // Also under its class, for this bundle's retention component and commands.
            registration = context.registerService(new String[] {Journal.class.getName(), JournalWriter.class.getName(),
                    JournalCore.class.getName()}, core, null);
            FunctionCounter.builder("holdfast.journal.commits", core, JournalCore::commits)
                    .description("journal writer transactions committed").register(meters);
            FunctionCounter.builder("holdfast.journal.tasks", core, JournalCore::tasksWritten)
                    .description("tasks (messages, stages) committed").register(meters);
            Gauge.builder("holdfast.journal.queue", core, JournalCore::queued).description("tasks waiting for the writer").register(meters);
            health.report(HEALTH_NAME, HealthState.UP, "payloads and watermark in " + dir + "; " + core.diskStatus());
        } catch (HoldfastException e) {
            health.report(HEALTH_NAME, HealthState.DOWN, e.describe());
            LOG.error("Journal not started: {}", e.describe());
        }
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
            registration = null;
        }
        if (core != null) {
            core.close();
            core = null;
        }
        meters.find("holdfast.journal.commits").meters().forEach(meters::remove);
        meters.find("holdfast.journal.tasks").meters().forEach(meters::remove);
        meters.find("holdfast.journal.queue").meters().forEach(meters::remove);
        for (JournalConditions.Condition c : JournalConditions.Condition.values()) {
            // Conditions of a stopped journal are unknown, not still true.
            health.remove(c.healthName());
            alerts.clear(c.alertKey());
        }
    }

    /** Journal conditions as health states and de-duplicated kernel alerts. */
    record HealthAndAlerts(Health health, Alerts alerts) implements JournalConditions {
        @Override
        public void degraded(Condition condition, String text) {
            health.report(condition.healthName(), HealthState.DEGRADED, text);
            alerts.raise(condition.alertKey(), AlertSeverity.WARNING, HEALTH_NAME, text);
        }

        @Override
        public void down(Condition condition, String text) {
            health.report(condition.healthName(), HealthState.DOWN, text);
            alerts.raise(condition.alertKey(), AlertSeverity.CRITICAL, HEALTH_NAME, text);
        }

        @Override
        public void cleared(Condition condition, String text) {
            health.report(condition.healthName(), HealthState.UP, text);
            alerts.clear(condition.alertKey());
        }
    }
}
