package io.holdfast.routing.internal.dispatch;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.journal.api.JournalWriter;
import io.holdfast.routing.internal.outbox.OutboxStore;
import io.holdfast.routing.internal.outbox.RecentEvents;
import io.holdfast.routing.internal.outbox.TargetMonitor;
import io.holdfast.routing.internal.route.RouteRegistry;
import java.util.Map;
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
 * Runs the {@link Dispatcher}. Codecs, transports and auth providers are dynamic: installing or
 * removing a connector never restarts the dispatcher; rows for a missing one wait.
 */
@Component(immediate = true, service = {}, configurationPid = DispatcherConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DispatcherConfig.class)
public class DispatcherComponent {
    private static final Logger LOG = LoggerFactory.getLogger(DispatcherComponent.class);

    private final ServiceDirectory services = new ServiceDirectory();
    private Dispatcher dispatcher;

    @Reference
    OutboxStore store;
    @Reference
    Journal journal;
    @Reference
    JournalWriter writer;
    @Reference
    Inventory inventory;
    @Reference
    RouteRegistry routes;
    @Reference
    TargetMonitor monitor;
    @Reference
    RecentEvents recent;
    @Reference
    Health health;

    @Activate
    void activate(DispatcherConfig config) {
        try {
            Dispatcher.Settings settings = settings(config);
            EventResolver events = new EventResolver(journal, writer, recent, services);
            dispatcher = new Dispatcher(store, writer, new DeliveryAttempt(inventory, services, events, routes),
                    new OutcomeRecorder(writer, store, monitor, settings.waitRetryMs()), monitor, routes, health, settings);
        } catch (InvalidConfigurationException e) {
            LOG.error("Dispatcher not started: {}", e.describe());
            health.report(Dispatcher.HEALTH, HealthState.DOWN, e.describe());
        }
    }

    @Deactivate
    void deactivate() {
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
        monitor.clear();
    }

    static Dispatcher.Settings settings(DispatcherConfig c) {
        range("threads", c.threads(), 1, 256);
        range("pollIntervalMs", c.pollIntervalMs(), 5, 60_000);
        range("leaseMs", c.leaseMs(), 1000, 3_600_000);
        range("batchSize", c.batchSize(), 1, 10_000);
        range("waitRetryMs", c.waitRetryMs(), 10, 3_600_000);
        String node = c.nodeId().isBlank() ? System.getProperty("karaf.name", "holdfast") : c.nodeId().trim();
        if (!node.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new InvalidConfigurationException(DispatcherConfig.PID, "nodeId", "1-64 characters of A-Z a-z 0-9 . _ -",
                    "is '" + node + "'");
        }
        return new Dispatcher.Settings(c.threads(), c.pollIntervalMs(), c.leaseMs(), c.batchSize(), c.waitRetryMs(), node);
    }

    private static void range(String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(DispatcherConfig.PID, key, "an integer from " + min + " to " + max,
                    "is " + value);
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindCodec(Codec<?> codec, Map<String, Object> properties) {
        services.addCodec(codec, properties);
    }

    void unbindCodec(Codec<?> codec, Map<String, Object> properties) {
        services.removeCodec(codec, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindTransport(OutboundTransport transport, Map<String, Object> properties) {
        services.addTransport(transport, properties);
    }

    void unbindTransport(OutboundTransport transport, Map<String, Object> properties) {
        services.removeTransport(transport, properties);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        services.addAuthProvider(provider, properties);
    }

    void unbindAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        services.removeAuthProvider(provider, properties);
    }
}
