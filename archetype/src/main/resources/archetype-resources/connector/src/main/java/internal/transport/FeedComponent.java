package ${package}.internal.transport;

import ${package}.internal.ConnectorNames;
import ${package}.internal.codec.AppointmentCodec;
import ${package}.internal.config.FeedConfig;
import ${package}.internal.config.FeedSettings;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured feed: validates its configuration (an invalid one fails the component and shows in
 * {@code holdfast:status}, never a half-started feed), then polls on a schedule and reports to Health.
 */
@Component(configurationPid = FeedConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = FeedComponent.class,
        immediate = true)
@Designate(ocd = FeedConfig.class, factory = true)
public class FeedComponent {
    private static final Logger LOG = LoggerFactory.getLogger(FeedComponent.class);
    /** How long a poll waits for Intake's commit before leaving the message in the remote outbox. */
    static final Duration INTAKE_TIMEOUT = Duration.ofSeconds(60);

    @Reference
    Intake intake;

    @Reference
    Health health;

    private FeedSettings settings;
    private FeedPoller poller;
    private ScheduledExecutorService schedule;
    private String component;
    private volatile PollResult lastResult = PollResult.NONE;

    @Activate
    void activate(FeedConfig config) {
        component = ConnectorNames.channel(config.name() == null ? "?" : config.name().trim());
        try {
            settings = FeedSettings.from(config);
        } catch (HoldfastException e) {
            health.report(component, HealthState.DOWN, e.describe());
            LOG.error("{}", e.describe());
            throw e;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
        poller = new FeedPoller(settings, new FeedClient(http, settings.baseUrl(), settings.requestTimeout()), new AppointmentCodec(),
                intake, INTAKE_TIMEOUT, Clock.systemUTC());
        schedule = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "holdfast-" + component));
        schedule.scheduleWithFixedDelay(this::pollAndReport, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        health.report(component, HealthState.UP, "polling " + settings.baseUrl() + " every " + settings.pollInterval().toSeconds() + " s");
        LOG.info("{}: polling {} every {} s", component, settings.baseUrl(), settings.pollInterval().toSeconds());
    }

    public String name() {
        return settings.name();
    }

    public FeedSettings settings() {
        return settings;
    }

    public PollResult lastResult() {
        return lastResult;
    }

    /** Polls now (shell), reporting the outcome like a scheduled poll. */
    public PollResult pollAndReport() {
        PollResult result = poller.pollOnce();
        lastResult = result;
        if (result.stoppedBy().isPresent()) {
            health.report(component, HealthState.DEGRADED, result.summary());
            LOG.warn("{}: poll {}", component, result.summary());
        } else {
            health.report(component, HealthState.UP, "last poll: " + result.summary());
        }
        return result;
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        if (schedule != null) {
            schedule.shutdownNow();
            schedule.awaitTermination(10, TimeUnit.SECONDS);
        }
        health.remove(component);
    }
}
