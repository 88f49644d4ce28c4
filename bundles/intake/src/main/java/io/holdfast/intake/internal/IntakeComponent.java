package io.holdfast.intake.internal;

import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.RuntimeMode;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.idempotency.api.Claims;
import io.holdfast.intake.spi.IntakeParticipant;
import io.holdfast.journal.api.JournalWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
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
 * The {@link Intake} service. Router and participants are dynamic: installing or removing the
 * routing bundle never restarts Intake (and so never the connectors that use it); while routing is
 * absent, Intake refuses input ({@code ROUTING_UNAVAILABLE}) instead of acknowledging messages it
 * could not schedule.
 */
@Component(service = Intake.class, immediate = true, configurationPid = IntakeConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IntakeConfig.class)
public class IntakeComponent implements Intake {
    private static final Logger LOG = LoggerFactory.getLogger(IntakeComponent.class);
    static final String HEALTH = "intake";

    @Reference
    JournalWriter writer;

    @Reference
    Claims claims;

    @Reference
    Health health;

    private volatile Router router;

    final List<IntakeParticipant> participants = new CopyOnWriteArrayList<>();

    private volatile IntakeCore core;

    private volatile String configProblem;

    @Activate
    void activate(IntakeConfig config) {
        core = new IntakeCore(writer, claims, () -> Optional.ofNullable(router), () -> List.copyOf(participants),
                RouteRequirement.ROUTE);
        modified(config);
    }

    /** Applied live: messages accepted from now on follow the new mode. An invalid value fails safe to require-route. */
    @Modified
    void modified(IntakeConfig config) {
        RouteRequirement required;
        try {
            required = requirement(config, RuntimeMode.current());
            configProblem = null;
        } catch (InvalidConfigurationException e) {
            LOG.error("{}; Intake requires a route for every new event until this is fixed", e.describe());
            required = RouteRequirement.ROUTE;
            configProblem = e.describe();
        }
        core.requirement(required);
        LOG.info("Intake requires {} (PID {}, routeMode {})", required, IntakeConfig.PID, config.routeMode());
        report();
    }

    @Deactivate
    void deactivate() {
        core.close();
        health.report(HEALTH, HealthState.DOWN, "stopped");
    }

    /**
     * The configured {@code routeMode}: {@code auto} (require-route in production, require-routing in
     * sandbox), {@code require-route} or {@code require-routing}.
     *
     * @throws InvalidConfigurationException naming the PID, key and allowed values
     */
    static RouteRequirement requirement(IntakeConfig config, RuntimeMode mode) {
        String value = config.routeMode() == null ? "auto" : config.routeMode().trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "auto", "" -> mode.isSandbox() ? RouteRequirement.ROUTING : RouteRequirement.ROUTE;
            case "require-route" -> RouteRequirement.ROUTE;
            case "require-routing" -> RouteRequirement.ROUTING;
            default -> throw new InvalidConfigurationException(IntakeConfig.PID, "routeMode",
                    "auto, require-route or require-routing", "is '" + config.routeMode() + "'");
        };
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindRouter(Router r) {
        router = r;
        report();
    }

    void unbindRouter(Router r) {
        if (router == r) {
            router = null;
        }
        report();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void bindParticipant(IntakeParticipant p) {
        participants.add(p);
        report();
    }

    void unbindParticipant(IntakeParticipant p) {
        participants.remove(p);
        report();
    }

    /** Intake's status line: DEGRADED while it refuses everything for want of routing. */
    private void report() {
        IntakeCore c = core;
        if (c == null) {
            return;
        }
        if (configProblem != null) {
            health.report(HEALTH, HealthState.DEGRADED, configProblem + "; requires " + c.requirement());
        } else if (router == null || participants.isEmpty()) {
            health.report(HEALTH, HealthState.DEGRADED, "refusing input: routing is not running (routes loading or "
                    + "holdfast-routing stopped); requires " + c.requirement());
        } else {
            health.report(HEALTH, HealthState.UP, "accepting; requires " + c.requirement());
        }
    }

    @Override
    public CompletionStage<IntakeReceipt> accept(Envelope envelope, Payload payload, DecodeResult decoded, FieldTrail trail) {
        return core.accept(envelope, payload, decoded, trail);
    }

    @Override
    public CompletionStage<IntakeReceipt> recordExchange(Envelope envelope, Payload payload, String systemId,
                                                         Optional<io.holdfast.api.spi.CredentialIdentity> identity, String detail) {
        return core.recordExchange(envelope, payload, systemId, identity, detail);
    }
}
