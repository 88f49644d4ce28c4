package io.holdfast.credentials.internal.monitor;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Lease;
import io.holdfast.api.kernel.Leases;
import io.holdfast.credentials.api.CertificateMonitor;
import io.holdfast.credentials.api.CertificateStatus;
import io.holdfast.credentials.api.VaultAdmin;
import io.holdfast.store.api.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * on demand ({@code holdfast:certs-check}). Alerts (log line, {@code holdfast:status}) go through the
 * kernel's {@link Alerts}; crossing events go to EventAdmin when it is present.
 *
 * <p>The scheduled run is singleton work: it holds the lease {@value #LEASE} (holder: this node's Karaf
 * instance name) for one interval plus a margin and renews it on every run, so in a cluster one node
 * checks and another takes over only when that node stopped checking. A node that does not hold the
 * lease skips its run. The writes a run makes ({@code cert_status}) are conditional updates, so even
 * a paused former holder cannot record a crossing twice.
 */
@Component(service = CertificateMonitor.class, immediate = true, configurationPid = CertMonitorConfig.PID)
@Designate(ocd = CertMonitorConfig.class)
public class CertificateMonitorService implements CertificateMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateMonitorService.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile EventAdmin eventAdmin;

    static final String LEASE = "credentials:certificate-monitor";
    private static final Duration LEASE_MARGIN = Duration.ofHours(1);

    private final CertificateCheck check;
    private final ExpiryGauges gauges;
    private final ScheduledExecutorService scheduler;
    private final Leases leases;
    private final String holder;
    private final Duration leaseDuration;
    private volatile Lease lease;

    @Activate
    public CertificateMonitorService(@Reference VaultAdmin vault, @Reference Store store, @Reference Health health,
                                     @Reference MeterRegistry meters, @Reference Alerts alerts, @Reference Leases leases,
                                     CertMonitorConfig config) {
        this(vault, store, health, meters, alerts, leases, config, System.getProperty("karaf.name", "holdfast"));
    }

    /** @param holder this node's name as lease holder: stable across restarts, distinct per cluster node */
    CertificateMonitorService(VaultAdmin vault, Store store, Health health, MeterRegistry meters, Alerts alerts, Leases leases,
                              CertMonitorConfig config, String holder) {
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
        this.leases = leases;
        this.holder = holder;
        this.leaseDuration = Duration.ofHours(interval).plus(LEASE_MARGIN);
        this.gauges = new ExpiryGauges(meters, clock);
        this.check = new CertificateCheck(vault, new CertStatusRepository(store.dataSource(), store.dialect()),
                new ExpiryEvents(this::post), new ExpiryAlerts(alerts), gauges, health, clock);
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

    void scheduledRun() {
        try {
            Optional<Lease> held = leases.acquire(LEASE, holder, leaseDuration);
            lease = held.orElse(null);
            if (held.isEmpty()) {
                LOG.info("Certificate check skipped on {}: lease {} is held by {}", holder, LEASE,
                        leases.current(LEASE).map(Lease::holder).orElse("another node"));
                return;
            }
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
        Lease held = lease;
        if (held != null) {
            try {
                leases.release(held);
            } catch (HoldfastException e) {
                LOG.info("Lease {} not released ({}); it expires at {}", LEASE, e.describe(), held.expiresAt());
            }
        }
    }
}
