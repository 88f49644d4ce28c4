package io.holdfast.pds.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.UserTokenExchange;
import io.holdfast.api.model.NhsNumber;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.pds.CallContext;
import io.holdfast.pds.PdsService;
import io.holdfast.pds.RetrieveResult;
import io.holdfast.pds.TraceQuery;
import io.holdfast.pds.TraceResult;
import io.holdfast.pds.UpdateRequest;
import io.holdfast.pds.UpdateResult;
import io.holdfast.pds.internal.codec.LibFhirPatientMapping;
import io.holdfast.pds.internal.config.PdsConfig;
import io.holdfast.pds.internal.config.PdsSettings;
import io.holdfast.pds.internal.transport.AuthProviders;
import io.holdfast.pds.internal.transport.TokenBucket;
import java.time.Clock;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PdsService} of this node (PID {@value PdsConfig#PID}; works on its defaults without a file). One instance,
 * so one token bucket per PDS application for every caller in the JVM: shell commands, the PDS_CHECK route target and
 * integrators' scripts all queue on it. A changed {@code tps} keeps the bucket's place only if the rate is unchanged.
 */
@Component(service = PdsService.class, configurationPid = PdsConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = PdsConfig.class)
public class PdsServiceComponent implements PdsService {
    static final String HEALTH = "pds";
    private static final Logger LOG = LoggerFactory.getLogger(PdsServiceComponent.class);
    private final AuthProviders auth = new AuthProviders();

    @Reference
    Inventory inventory;

    @Reference
    Intake intake;

    @Reference
    Health health;

    private volatile PdsClient client;
    private TokenBucket bucket;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        auth.add(provider, properties);
    }

    void removeAuthProvider(AuthProvider provider, Map<String, Object> properties) {
        auth.remove(provider, properties);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, target = UserTokenExchange.PATTERN_FILTER)
    void setTokenExchange(UserTokenExchange exchange) {
        auth.exchange(exchange);
    }

    void unsetTokenExchange(UserTokenExchange exchange) {
        auth.removeExchange(exchange);
    }

    @Activate
    @Modified
    void activate(PdsConfig config) {
        PdsSettings settings;
        try {
            settings = PdsSettings.from(config);
        } catch (HoldfastException e) {
            // the component fails (no half-configured PDS client); holdfast:status says which key and why
            health.report(HEALTH, HealthState.DOWN, e.describe());
            throw e;
        }
        synchronized (this) {
            if (bucket == null || bucket.perSecond() != settings.tps()) {
                bucket = new TokenBucket(settings.tps());
            }
            client = PdsClients.create(new PdsClients.Parts(settings, inventory, intake, auth, new LibFhirPatientMapping(),
                    bucket, Clock.systemUTC()));
        }
        health.report(HEALTH, HealthState.UP, "system '" + settings.systemId() + "' at " + settings.tps() + " requests/s, cache "
                + (settings.cacheTtl().isZero() ? "off" : "on"));
        LOG.info("PDS client for system '{}' at {} requests/s, cache {}", settings.systemId(), settings.tps(),
                settings.cacheTtl().isZero() ? "off" : settings.cacheTtl() + " x " + settings.cacheMaxEntries());
    }

    @Deactivate
    void deactivate() {
        health.remove(HEALTH);
    }

    @Override
    public RetrieveResult retrieve(NhsNumber nhsNumber, CallContext context) {
        return client.retrieve(nhsNumber, context);
    }

    @Override
    public TraceResult trace(TraceQuery query, CallContext context) {
        return client.trace(query, context);
    }

    @Override
    public UpdateResult update(UpdateRequest request, CallContext context) {
        return client.update(request, context);
    }
}
