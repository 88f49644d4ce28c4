package io.holdfast.credentials.internal.monitor;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.credentials.api.VaultAdmin;
import io.holdfast.store.api.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the certificate check shortly after start, every {@code intervalHours} (daily by default) and
 * on demand ({@code holdfast:certs-check}). Events go to EventAdmin when it is present; the log line
 * and gauge do not depend on it.
 */
@Component(service = CertificateMonitor.class, immediate = true, configurationPid = CertMonitorConfig.PID)
@Designate(ocd = CertMonitorConfig.class)
public class CertificateMonitorService implements CertificateMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateMonitorService.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    private final CertificateCheck check;
    private final ExpiryGauges gauges;
    private final ScheduledExecutorService scheduler;

    @Activate
    public CertificateMonitorService(@Reference VaultAdmin vault, @Reference Store store, @Reference Health health,
                                     @Reference MeterRegistry meters, CertMonitorConfig config) {
        int interval = config.intervalHours();
        int delay = config.startDelaySeconds();
        if (interval < 1 || interval > 168) {
            throw reported(health, new InvalidConfigurationException(CertMonitorConfig.PID, "intervalHours", "1-168",
                    "is " + interval));
        }
        if (delay < 0 || delay > 3600) {
            throw reported(health, new InvalidConfigurationException(CertMonitorConfig.PID, "startDelaySeconds", "0-3600",
                    "is " + delay));
        }
        Clock clock = Clock.systemUTC();
        this.gauges = new ExpiryGauges(meters, clock);
        this.check = new CertificateCheck(vault, new CertStatusRepository(store.dataSource(), store.dialect()),
                new ExpiryAlerts(this::post), gauges, health, clock);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "holdfast-cert-monitor");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::scheduledRun, delay, TimeUnit.HOURS.toSeconds(interval), TimeUnit.SECONDS);
    }

    private static HoldfastException reported(Health health, HoldfastException e) {
        health.report(CertificateCheck.COMPONENT, HealthState.DOWN, e.describe());
        return e;
    }

    private void scheduledRun() {
        try {
            check.run();
        } catch (HoldfastException e) {
            LOG.warn("Certificate check failed: {}", e.describe());
        } catch (RuntimeException e) {
            LOG.warn("Certificate check failed unexpectedly; the next run is in the schedule", e);
        }
    }

    private void post(String topic, Map<String, Object> properties) {
        EventAdmin admin = eventAdmin;
        if (admin != null) {
            admin.postEvent(new Event(topic, properties));
        }
    }

    @Override
    public List<CertificateStatus> check() {
        return check.run();
    }

    @Override
    public List<CertificateStatus> statuses() {
        return check.current();
    }

    @Deactivate
    void deactivate() {
        scheduler.shutdownNow();
        gauges.close();
    }
}
