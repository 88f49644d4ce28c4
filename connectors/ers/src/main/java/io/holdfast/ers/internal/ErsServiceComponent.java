package io.holdfast.ers.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.UserTokenExchange;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.ers.AttachmentContent;
import io.holdfast.ers.CallContext;
import io.holdfast.ers.ErsReferral;
import io.holdfast.ers.ErsResult;
import io.holdfast.ers.ErsService;
import io.holdfast.ers.NewReferral;
import io.holdfast.ers.ReviewOutcome;
import io.holdfast.ers.Ubrn;
import io.holdfast.ers.WorklistItem;
import io.holdfast.ers.internal.config.ErsConfig;
import io.holdfast.ers.internal.config.ErsRoleComponent;
import io.holdfast.ers.internal.config.ErsRoles;
import io.holdfast.ers.internal.config.ErsSettings;
import io.holdfast.ers.internal.transport.ErsAuthSources;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The {@link ErsService} of this node (PID {@value ErsConfig#PID}; works on its defaults without a file) and the client
 * the ERS route target delivers through. Role settings come from the {@code io.holdfast.ers.role-*.cfg} components.
 */
@Component(service = {ErsService.class, ErsServiceComponent.class}, configurationPid = ErsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = ErsConfig.class)
public class ErsServiceComponent implements ErsService {
    static final String HEALTH = "ers";
    private static final Logger LOG = LoggerFactory.getLogger(ErsServiceComponent.class);
    private final ErsAuthSources auth = new ErsAuthSources();
    private final ErsRoles roles = new ErsRoles();

    @Reference
    Inventory inventory;

    @Reference
    Intake intake;

    @Reference
    Health health;

    private volatile ErsClient client;

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

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRole(ErsRoleComponent role) {
        roles.put(role.role());
    }

    void removeRole(ErsRoleComponent role) {
        roles.remove(role.role());
    }

    @Activate
    @Modified
    void activate(ErsConfig config) {
        ErsSettings settings;
        try {
            settings = ErsSettings.from(config);
        } catch (HoldfastException e) {
            health.report(HEALTH, HealthState.DOWN, e.describe());
            throw e;
        }
        client = ErsClients.create(new ErsClients.Parts(settings, inventory, intake, auth, roles, Clock.systemUTC()));
        health.report(HEALTH, HealthState.UP, "system '" + settings.systemId() + "', " + settings.maxAttempts() + " attempts per call");
        LOG.info("e-RS client for system '{}'", settings.systemId());
    }

    @Deactivate
    void deactivate() {
        health.remove(HEALTH);
    }

    /** The client the ERS route target delivers through. */
    public ErsClient client() {
        return client;
    }

    @Override
    public ErsResult<ErsReferral> retrieve(Ubrn ubrn, CallContext context) {
        return client.retrieve(ubrn, context);
    }

    @Override
    public ErsResult<List<WorklistItem>> worklist(Optional<String> serviceId, CallContext context) {
        return client.worklist(serviceId, context);
    }

    @Override
    public ErsResult<AttachmentContent> attachment(String binaryId, CallContext context) {
        return client.attachment(binaryId, context);
    }

    @Override
    public ErsResult<ErsReferral> review(Ubrn ubrn, ReviewOutcome outcome, CallContext context) {
        return client.review(ubrn, outcome, context);
    }

    @Override
    public ErsResult<ErsReferral> create(NewReferral referral, CallContext context) {
        return client.create(referral, context);
    }
}
