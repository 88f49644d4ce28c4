package io.holdfast.eps.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.DispenseNotification;
import io.holdfast.api.event.Prescription;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.UserTokenExchange;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.eps.CallContext;
import io.holdfast.eps.EpsResult;
import io.holdfast.eps.EpsService;
import io.holdfast.eps.PrepareResult;
import io.holdfast.eps.PrescriberSignature;
import io.holdfast.eps.ReleaseResult;
import io.holdfast.eps.internal.config.EpsConfig;
import io.holdfast.eps.internal.config.EpsSettings;
import io.holdfast.eps.internal.transport.AuthProviders;
import io.holdfast.eps.internal.transport.EpsCallJournal;
import io.holdfast.eps.internal.transport.EpsHttp;
import io.holdfast.eps.internal.transport.EpsRetries;
import java.time.Clock;
import java.time.Duration;
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

/** The {@link EpsService} of this node (PID {@value EpsConfig#PID}; works on its defaults without a file). */
@Component(service = EpsService.class, configurationPid = EpsConfig.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = EpsConfig.class)
public class EpsServiceComponent implements EpsService {
    static final String HEALTH = "eps";
    private final AuthProviders auth = new AuthProviders();

    @Reference
    Inventory inventory;

    @Reference
    Intake intake;

    @Reference
    Health health;

    private volatile EpsClient client;

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
    void activate(EpsConfig config) {
        EpsSettings settings;
        try {
            settings = EpsSettings.from(config);
        } catch (HoldfastException e) {
            // the component fails (no half-configured client); holdfast:status says which key and why
            health.report(HEALTH, HealthState.DOWN, e.describe());
            throw e;
        }
        client = create(settings, inventory, intake, auth);
        health.report(HEALTH, HealthState.UP, "system '" + settings.systemId() + "'");
    }

    /** The client as this component wires it (tests build it the same way). */
    public static EpsClient create(EpsSettings settings, Inventory inventory, Intake intake, AuthProviders auth) {
        return new EpsClient(inventory, settings.systemId(), auth, new EpsRetries(new EpsHttp(settings), settings),
                new EpsCallJournal(intake, Clock.systemUTC(), Duration.ofSeconds(30)));
    }

    @Deactivate
    void deactivate() {
        health.remove(HEALTH);
    }

    @Override
    public PrepareResult prepare(Prescription prescription, CallContext context) {
        return client.prepare(prescription, context);
    }

    @Override
    public EpsResult submit(Prescription prescription, PrescriberSignature signature, CallContext context) {
        return client.submit(prescription, signature, context);
    }

    @Override
    public EpsResult submitSigned(byte[] signedOrderBundle, CallContext context) {
        return client.submitSigned(signedOrderBundle, context);
    }

    @Override
    public EpsResult cancel(Prescription cancelled, CallContext context) {
        return client.cancel(cancelled, context);
    }

    @Override
    public EpsResult dispense(DispenseNotification notification, CallContext context) {
        return client.dispense(notification, context);
    }

    @Override
    public ReleaseResult release(String pharmacyOds, java.util.Optional<io.holdfast.api.event.PrescriptionId> prescription, CallContext context) {
        return client.release(pharmacyOds, prescription, context);
    }

    @Override
    public EpsResult claim(DispenseNotification notification, CallContext context) {
        return client.claim(notification, context);
    }
}
