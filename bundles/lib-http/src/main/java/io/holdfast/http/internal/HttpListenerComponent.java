package io.holdfast.http.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.TlsMaterialSource;
import io.holdfast.http.FactoryConfig;
import java.net.InetSocketAddress;
import java.util.List;
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
 * One HTTP listener per factory configuration ({@code etc/io.holdfast.http.listener-<name>.cfg}).
 * Immediate, so its port stays open without service users. An invalid configuration or a failed bind
 * fails activation with Health {@code http:<name>} DOWN naming the reason; nothing is half-started.
 * A changed configuration with the same settings (Karaf delivers a file's config twice at boot) keeps
 * the socket; any real change closes it and binds anew; an invalid change keeps the running listener
 * and reports it DEGRADED until a valid configuration arrives.
 */
@Component(configurationPid = ListenerSettings.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ListenerView.class)
@Designate(ocd = HttpListenerConfig.class, factory = true)
public class HttpListenerComponent implements ListenerView {
    private static final Logger LOG = LoggerFactory.getLogger(HttpListenerComponent.class);

    @Reference
    EndpointRegistry registry;

    @Reference
    Health health;

    /** Only TLS listeners need it; greedy so a listener waiting for it restarts when it comes. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    TlsMaterialSource tlsMaterial;

    private volatile HttpListener listener;
    private String name;

    @Activate
    void activate(Map<String, Object> props) throws Exception {
        name = FactoryConfig.of(ListenerSettings.FACTORY_PID, props).name();
        start(validated(props));
    }

    @Modified
    void modified(Map<String, Object> props) throws Exception {
        HttpListener running = listener;
        ListenerSettings changed;
        try {
            changed = ListenerSettings.from(props);
        } catch (InvalidConfigurationException e) {
            if (running == null) {
                health.report(component(), HealthState.DOWN, e.describe());
                throw e;
            }
            // the previous, valid listener keeps serving: refusing traffic over a typo is worse than the old settings
            health.report(component(), HealthState.DEGRADED, e.describe() + "; still running with the previous configuration");
            LOG.error("HTTP listener {}: changed configuration rejected, previous one kept: {}", name, e.describe());
            return;
        }
        if (running != null && changed.equals(running.settings())) {
            return;
        }
        LOG.info("HTTP listener {}: configuration changed; closing the socket and binding anew", changed.name());
        stop();
        start(changed);
    }

    private ListenerSettings validated(Map<String, Object> props) {
        try {
            return ListenerSettings.from(props);
        } catch (InvalidConfigurationException e) {
            health.report(component(), HealthState.DOWN, e.describe());
            LOG.error("HTTP listener not started: {}", e.describe());
            throw e;
        }
    }

    private void start(ListenerSettings settings) throws Exception {
        Optional<SSLContext> tls;
        try {
            tls = tls(settings);
        } catch (HoldfastException e) {
            health.report(component(), HealthState.DOWN, e.describe());
            LOG.error("HTTP listener {} not started: {}", settings.name(), e.describe());
            throw e;
        }
        HttpListener l = new HttpListener(settings, registry, tls);
        try {
            l.start();
        } catch (Exception e) {
            String detail = "cannot listen on " + settings.bindAddress() + ":" + settings.port() + " (" + e + "); check that no other "
                    + "process uses the port and that bindAddress is a local address (PID " + settings.pid() + ")";
            health.report(component(), HealthState.DOWN, detail);
            LOG.error("HTTP listener {} not started: {}", settings.name(), detail);
            throw e;
        }
        listener = l;
        InetSocketAddress bound = l.boundAddress().orElseThrow();
        health.report(component(), HealthState.UP, "listening on " + bound.getHostString() + ":" + bound.getPort()
                + (tls.isPresent() ? ", TLS (client auth " + settings.clientAuth() + ")" : ", plain HTTP") + ", maxBodyBytes " + settings.maxBodyBytes());
        LOG.info("HTTP listener {} listening on {}:{}{}", settings.name(), bound.getHostString(), bound.getPort(), tls.isPresent() ? " (TLS)" : "");
        if (settings.bindsWildcard()) {
            LOG.warn("HTTP listener {} accepts connections on every interface (bindAddress={})", settings.name(), settings.bindAddress());
        }
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
        HttpListener l = listener;
        listener = null;
        if (l != null) {
            l.close();
        }
    }

    @Deactivate
    void deactivate() {
        stop();
        health.remove(component());
    }

    private String component() {
        return "http:" + name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<InetSocketAddress> boundAddress() {
        HttpListener l = listener;
        return l == null ? Optional.empty() : l.boundAddress();
    }

    @Override
    public Optional<ListenerSettings> settings() {
        HttpListener l = listener;
        return l == null ? Optional.empty() : Optional.of(l.settings());
    }

    @Override
    public ListenerStats.Snapshot stats() {
        HttpListener l = listener;
        return l == null ? new ListenerStats().snapshot() : l.stats();
    }

    @Override
    public List<Route> routes() {
        return registry.routes(name);
    }
}
