package io.holdfast.simulator.eps.internal;

import io.holdfast.simulator.apim.AccessTokenGrant;
import io.holdfast.simulator.apim.AccessTokenIntrospection;
import io.holdfast.simulator.eps.EpsCaller;
import io.holdfast.simulator.eps.EpsSimulator;
import io.holdfast.simulator.eps.EpsSimulatorConfig;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the EPS simulator inside the sandbox; starts only when its configuration is present. With
 * {@code authentication=apim} it accepts the bearer tokens the sandbox's APIM simulator issued (its
 * {@link AccessTokenIntrospection} service): a CIS2-exchange token is user-restricted, a client-credentials token
 * application-restricted; without that service every token is refused. The service is for {@code sandbox:eps-faults}.
 */
@Component(configurationPid = EpsSimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = EpsSimulatorComponent.class)
@Designate(ocd = EpsSimulatorComponent.Config.class)
public class EpsSimulatorComponent {
    static final String PID = "io.holdfast.simulator.eps";
    private static final Logger LOG = LoggerFactory.getLogger(EpsSimulatorComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AccessTokenIntrospection apim;
    private volatile EpsSimulator simulator;

    @ObjectClassDefinition(name = "Holdfast EPS simulator", description = "Sandbox-only NHS EPS FHIR R4 API")
    public @interface Config {
        @AttributeDefinition(description = "Bind address")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "Port (sandbox: 8750)")
        int port() default 8750;

        @AttributeDefinition(description = "apim: bearer tokens issued by the APIM simulator; open: no token needed (as the NHS sandbox)")
        String authentication() default "apim";

        @AttributeDefinition(description = "published: application-restricted callers may only release nominated prescriptions (403 "
                + "elsewhere); any: every accepted token may call every operation")
        String accessModes() default "published";
    }

    @Activate
    void activate(Config config) {
        if (config.port() < 0 || config.port() > 65535) {
            throw invalid("port", String.valueOf(config.port()), "0 to 65535");
        }
        EpsSimulatorConfig.Builder b = EpsSimulatorConfig.builder().host(config.host()).port(config.port());
        switch (config.authentication()) {
            case "apim" -> b.callers(this::caller);
            case "open" -> { }
            default -> throw invalid("authentication", config.authentication(), "apim, open");
        }
        switch (config.accessModes()) {
            case "published" -> b.enforceAccessModes(true);
            case "any" -> b.enforceAccessModes(false);
            default -> throw invalid("accessModes", config.accessModes(), "published, any");
        }
        simulator = EpsSimulator.start(b.build());
        LOG.info("EPS simulator listening on {}; authentication {}; access modes {}", simulator.fhirBaseUrl(), config.authentication(),
                config.accessModes());
    }

    private static IllegalArgumentException invalid(String key, String value, String allowed) {
        return new IllegalArgumentException("Configuration " + PID + ": key '" + key + "' is '" + value + "'; allowed: " + allowed);
    }

    private Optional<EpsCaller> caller(String token) {
        AccessTokenIntrospection introspection = apim;
        if (introspection == null) {
            return Optional.empty();
        }
        return introspection.introspect(token).map(EpsSimulatorComponent::toCaller);
    }

    private static EpsCaller toCaller(AccessTokenGrant grant) {
        return grant.userRestricted() ? EpsCaller.userRestricted(grant.apiKey()) : EpsCaller.applicationRestricted(grant.apiKey());
    }

    /** The running simulator, for the sandbox commands. */
    public EpsSimulator simulator() {
        return simulator;
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
