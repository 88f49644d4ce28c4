package io.holdfast.mllp.internal.config;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.credentials.api.TlsMaterialSource;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
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
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MLLP listener per factory configuration {@code io.holdfast.mllp.listener~<name>}. Immediate,
 * because a delayed component would be deactivated (and its port closed) when its last service
 * user goes away. Invalid config or a failed bind fails activation with a Health entry
 * {@code mllp:<name>}; nothing stays half-started.
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

    /** Only needed by TLS listeners; greedy so a listener waiting for it restarts when it comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    TlsMaterialSource tlsMaterial;

    private ListenerMeters meters;

    private volatile MllpListener listener;
    private String component;

    @Activate
    void activate(Map<String, Object> props) throws Exception {
        component = "mllp:" + ListenerSettings.nameOf(props);
        ListenerSettings settings;
        try {
            settings = ListenerSettings.from(props);
        } catch (InvalidConfigurationException e) {
            health.report(component, HealthState.DOWN, e.describe());
            LOG.error("MLLP listener not started: {}", e.describe());
            throw e;
        }
        Optional<SSLContext> tls;
        try {
            tls = tls(settings);
        } catch (HoldfastException e) {
            health.report(component, HealthState.DOWN, e.describe());
            LOG.error("MLLP listener {} not started: {}", settings.name(), e.describe());
            throw e;
        }
        MllpListener l = new MllpListener(settings, intake, tls);
        try {
            l.start();
        } catch (Exception e) {
            String detail = "cannot listen on " + settings.bindAddress() + ":" + settings.port() + " (" + e + "); check that no other "
                    + "process uses the port and that bindAddress is a local address (PID " + settings.pid() + ")";
            health.report(component, HealthState.DOWN, detail);
            LOG.error("MLLP listener {} not started: {}", settings.name(), detail);
            throw e;
        }
        listener = l;
        meters = new ListenerMeters(meterRegistry, settings.name(), l);
        health.report(component, HealthState.UP, "listening on " + settings.bindAddress() + ":" + l.boundPort() + ", ackMode "
                + settings.ackMode() + ", maxFrameBytes " + settings.maxFrameBytes() + (tls.isPresent() ? ", TLS (client auth "
                + settings.tlsClientAuth() + ")" : ""));
        LOG.info("MLLP listener {} listening on {}:{}", settings.name(), settings.bindAddress(), l.boundPort());
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

    @Deactivate
    void deactivate() {
        if (meters != null) {
            meters.close();
            meters = null;
        }
        if (listener != null) {
            listener.close();
            listener = null;
        }
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
        return listener != null && listener.isBound();
    }

    @Override
    public int boundPort() {
        return listener == null ? -1 : listener.boundPort();
    }

    @Override
    public ListenerStats.Snapshot stats() {
        MllpListener l = listener;
        return l == null ? new ListenerStats().snapshot() : l.stats();
    }
}
