package io.holdfast.examples.pathology.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.examples.pathology.internal.transport.AuthProviders;
import io.holdfast.examples.pathology.internal.transport.LabClient;
import io.holdfast.examples.pathology.internal.transport.LabPoller;
import io.holdfast.examples.pathology.internal.transport.PollReport;
import io.holdfast.examples.pathology.internal.transport.ResultFetcher;
import io.holdfast.examples.pathology.internal.transport.WorkFileCursorStore;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One polled lab per factory configuration ({@code etc/io.holdfast.examples.pathology.lab-<name>.cfg}).
 * Immediate, so it polls without service users. Invalid configuration fails activation with the PID, key
 * and allowed values, and Health component {@code pathology:<name>} DOWN; each poll then reports UP or
 * DEGRADED with its one-line outcome. A changed configuration restarts the component (no @Modified):
 * polls are short and the cursor is stored, so nothing is lost by it.
 */
@Component(configurationPid = LabSettings.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = LabView.class)
@Designate(ocd = LabConfig.class, factory = true)
public class PathologyLabComponent implements LabView {
    private static final Logger LOG = LoggerFactory.getLogger(PathologyLabComponent.class);

    @Reference
    Intake intake;

    @Reference
    Journal journal;

    @Reference
    Inventory inventory;

    @Reference
    Health health;

    @Reference
    WorkFiles workFiles;

    final AuthProviders authProviders = new AuthProviders();
    Clock clock = Clock.systemUTC();
    ResultFetcher.Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    /** Component tests set it beyond their run, so only their pollNow() calls poll. */
    long firstPollDelayMillis = 1000;

    private LabSettings settings;
    private String component;
    private LabPoller poller;
    private ScheduledExecutorService thread;
    private volatile PollReport last;
    private volatile PollReport.RowCounts totals = PollReport.RowCounts.NONE;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        authProviders.add(provider, properties);
    }

    void removeAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        authProviders.remove(provider, properties);
    }

    @Activate
    void activate(Map<String, Object> props) {
        component = "pathology:" + LabSettings.nameOf(props);
        try {
            settings = LabSettings.from(props);
        } catch (InvalidConfigurationException e) {
            health.report(component, HealthState.DOWN, e.describe());
            LOG.error("Pathology lab not started: {}", e.describe());
            throw e;
        }
        LabClient client = new LabClient(settings.requestTimeout(), settings.maxResponseBytes());
        poller = new LabPoller(settings, intake, journal, inventory, authProviders, new WorkFileCursorStore(workFiles, settings.name()),
                new ResultFetcher(client, sleeper), clock);
        thread = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pathology-lab-" + settings.name()));
        health.report(component, HealthState.UP, "started; polls every " + settings.pollInterval());
        thread.scheduleWithFixedDelay(this::pollAndReport, firstPollDelayMillis, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Pathology lab {} polls system {} every {}", settings.name(), settings.system(), settings.pollInterval());
    }

    private PollReport pollAndReport() {
        PollReport report = poller.poll();
        last = report;
        totals = totals.plus(report.rows());
        health.report(component, report.ok() ? HealthState.UP : HealthState.DEGRADED, report.describe());
        return report;
    }

    @Override
    public PollReport pollNow() throws InterruptedException {
        try {
            return thread.submit(this::pollAndReport).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("poll of " + settings.name() + " failed", e.getCause());
        }
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (thread != null) {
            thread.shutdownNow();
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Pathology lab {}: the poll thread did not stop within 10 s", settings.name());
            }
        }
        health.remove(component);
    }

    @Override
    public LabSettings settings() {
        return settings;
    }

    @Override
    public String cursor() {
        return poller.cursor();
    }

    @Override
    public Optional<PollReport> lastPoll() {
        return Optional.ofNullable(last);
    }

    @Override
    public PollReport.RowCounts totals() {
        return totals;
    }
}
