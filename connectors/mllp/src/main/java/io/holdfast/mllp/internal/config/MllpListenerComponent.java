package io.holdfast.mllp.internal.config;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.TlsMaterialSource;
import io.holdfast.mllp.internal.transport.ListenerMeters;
import io.holdfast.mllp.internal.transport.ListenerStats;
import io.holdfast.mllp.internal.transport.ListenerView;
import io.holdfast.mllp.internal.transport.MllpListener;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MLLP listener per factory configuration ({@code etc/io.holdfast.mllp.listener-<name>.cfg}).
 * Immediate, because a delayed component would be deactivated (and its port closed) when its last
 * service user goes away. Invalid config or a failed bind fails activation with a Health entry
 * {@code mllp:<name>}; nothing stays half-started.
 *
 * <p>A changed configuration arrives in {@link #modified}: identical settings (Karaf delivers a
 * feature's config twice at boot, the second time with the file name added) change nothing;
 * timeouts, limits, allow-list, ACK mode and the like apply to the running listener and its open
 * connections; only a new port, address or TLS setting closes the socket and binds anew.
 */
@Component(configurationPid = ListenerSettings.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ListenerView.class)
@Designate(ocd = MllpListenerConfig.class, factory = true)
public class MllpListenerComponent implements ListenerView {
    private static final Logger LOG = LoggerFactory.getLogger(MllpListenerComponent.class);

    @Reference
    Intake intake;

    @Reference
    Health health;

    @Reference
    MeterRegistry meterRegistry;

    /**
     * Not called: the kernel registers Router only once the routes are loaded, and a listener that
     * ACKs before then would accept messages no route has seen. Mandatory, so no port opens earlier.
     */
    @Reference
    Router router;

    /** Only needed by TLS listeners; greedy so a listener waiting for it restarts when it comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    TlsMaterialSource tlsMaterial;

    private ListenerMeters meters;

    private volatile MllpListener listener;
    private String component;

    @Activate
    void activate(Map<String, Object> props) throws Exception {
        component = "mllp:" + ListenerSettings.nameOf(props);
        start(validated(props));
    }

    @Modified
    void modified(Map<String, Object> props) throws Exception {
        ListenerSettings changed;
        try {
            changed = ListenerSettings.from(props);
        } catch (InvalidConfigurationException e) {
            MllpListener running = listener;
            if (running == null) {
                report(HealthState.DOWN, e.describe());
                throw e;
            }
            // The previous, valid listener keeps serving: refusing traffic over a typo is worse than the old settings.
            report(HealthState.DEGRADED, e.describe() + "; still running with the previous configuration");
            LOG.error("MLLP listener {}: changed configuration rejected, previous one kept: {}", running.settings().name(), e.describe());
            return;
        }
        MllpListener running = listener;
        if (running != null && changed.equals(running.settings())) {
            reportUp(changed, running);
            return;
        }
        if (running != null && changed.bindsLike(running.settings())) {
            running.apply(changed);
            reportUp(changed, running);
            LOG.info("MLLP listener {}: configuration applied without rebinding; {} open connections kept", changed.name(),
                    running.stats().connectionsOpen());
            return;
        }
        LOG.info("MLLP listener {}: port, address or TLS changed; closing the socket and binding anew", changed.name());
        stop();
        start(changed);
    }

    private ListenerSettings validated(Map<String, Object> props) {
        try {
            return ListenerSettings.from(props);
        } catch (InvalidConfigurationException e) {
            report(HealthState.DOWN, e.describe());
            LOG.error("MLLP listener not started: {}", e.describe());
            throw e;
        }
    }

    private void start(ListenerSettings settings) throws Exception {
        Optional<SSLContext> tls;
        try {
            tls = tls(settings);
        } catch (HoldfastException e) {
            report(HealthState.DOWN, e.describe());
            LOG.error("MLLP listener {} not started: {}", settings.name(), e.describe());
            throw e;
        }
        MllpListener l = new MllpListener(settings, intake, tls);
        try {
            l.start();
        } catch (Exception e) {
            String detail = "cannot listen on " + settings.bindAddress() + ":" + settings.port() + " (" + e + "); check that no other "
                    + "process uses the port and that bindAddress is a local address (PID " + settings.pid() + ")";
            report(HealthState.DOWN, detail);
            LOG.error("MLLP listener {} not started: {}", settings.name(), detail);
            throw e;
        }
        listener = l;
        meters = new ListenerMeters(meterRegistry, settings.name(), l);
        reportUp(settings, l);
        LOG.info("MLLP listener {} listening on {}:{}", settings.name(), settings.bindAddress(), l.boundPort());
        if (settings.bindsWildcard() && settings.limits().allowFrom().isEmpty()) {
            LOG.warn("MLLP listener {} accepts connections on every interface from any address (bindAddress={}, allowFrom empty); "
                    + "set allowFrom to the senders' networks", settings.name(), settings.bindAddress());
        }
    }

    private void reportUp(ListenerSettings settings, MllpListener l) {
        ListenerSettings.Limits limits = settings.limits();
        report(HealthState.UP, "listening on " + settings.bindAddress() + ":" + l.boundPort() + ", ackMode " + settings.ackMode()
                + ", maxFrameBytes " + settings.maxFrameBytes() + ", maxConnections " + limits.maxConnections() + " ("
                + limits.maxConnectionsPerPeer() + " per peer), allowFrom " + (limits.allowFrom().isEmpty() ? "any"
                : limits.allowFrom()) + (settings.tlsCredential().isPresent() ? ", TLS (client auth " + settings.tlsClientAuth() + ")" : ""));
    }

    private void report(HealthState state, String detail) {
        health.report(component, state, detail);
    }

    private Optional<SSLContext> tls(ListenerSettings settings) {
        if (settings.tlsCredential().isEmpty()) {
            return Optional.empty();
        }
        if (tlsMaterial == null) {
            throw new InvalidConfigurationException(settings.pid(), "tlsCredential", "a vault entry id, with the credentials service running",
                    "is set but the credentials service (TlsMaterialSource) is not available");
        }
        return Optional.of(tlsMaterial.forEntry(settings.tlsEnvironment(), settings.tlsCredential().get()).sslContext());
    }

    private void stop() {
        if (meters != null) {
            meters.close();
            meters = null;
        }
        if (listener != null) {
            listener.close();
            listener = null;
        }
    }

    @Deactivate
    void deactivate() {
        stop();
        health.remove(component);
    }

    @Override
    public ListenerSettings settings() {
        MllpListener l = listener;
        if (l == null) {
            throw new IllegalStateException(component + " is not running");
        }
        return l.settings();
    }

    @Override
    public boolean isBound() {
        MllpListener l = listener;
        return l != null && l.isBound();
    }

    @Override
    public int boundPort() {
        MllpListener l = listener;
        return l == null ? -1 : l.boundPort();
    }

    @Override
    public ListenerStats.Snapshot stats() {
        MllpListener l = listener;
        return l == null ? new ListenerStats().snapshot() : l.stats();
    }
}
