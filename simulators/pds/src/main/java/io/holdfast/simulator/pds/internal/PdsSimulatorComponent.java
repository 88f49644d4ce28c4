package io.holdfast.simulator.pds.internal;

import io.holdfast.simulator.apim.AccessTokenGrant;
import io.holdfast.simulator.apim.AccessTokenIntrospection;
import io.holdfast.simulator.pds.PdsCaller;
import io.holdfast.simulator.pds.PdsSimulator;
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
 * Runs the PDS simulator inside the sandbox; starts only when its configuration is present. With
 * {@code authentication=apim} it accepts the bearer tokens the sandbox's APIM simulator issued (its
 * {@link AccessTokenIntrospection} service): a token from the CIS2 exchange is user-restricted, a
 * client-credentials token application-restricted; without that service every token is refused. The
 * service is for the sandbox commands ({@code sandbox:pds-faults}).
 */
@Component(configurationPid = PdsSimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = PdsSimulatorComponent.class)
@Designate(ocd = PdsSimulatorComponent.Config.class)
public class PdsSimulatorComponent {
    static final String PID = "io.holdfast.simulator.pds";
    private static final Logger LOG = LoggerFactory.getLogger(PdsSimulatorComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AccessTokenIntrospection apim;
    private volatile PdsSimulator simulator;

    @ObjectClassDefinition(name = "Holdfast PDS simulator", description = "Sandbox-only NHS PDS FHIR R4 API")
    public @interface Config {
        @AttributeDefinition(description = "Bind address")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "Port (sandbox: 8710)")
        int port() default 8710;

        @AttributeDefinition(description = "apim: bearer tokens issued by the APIM simulator; open: no token needed (as the NHS sandbox)")
        String authentication() default "apim";

        @AttributeDefinition(description = "Requests per application in any sliding second before 429; 0 = off")
        int rateLimitPerSecond() default 5;

        @AttributeDefinition(description = "Generated patients added to the sandbox test patients")
        int populationSize() default 1000;

        @AttributeDefinition(description = "Seed of the generated population (same seed, same patients)")
        long populationSeed() default 1;
    }

    @Activate
    void activate(Config config) {
        PdsSimulator.Builder b = PdsSimulator.builder().host(config.host()).port(config.port())
                .rateLimitPerSecond(requireAtLeastZero("rateLimitPerSecond", config.rateLimitPerSecond()))
                .population(config.populationSeed(), requireAtLeastZero("populationSize", config.populationSize()));
        switch (config.authentication()) {
            case "apim" -> b.callers(this::caller);
            case "open" -> { }
            default -> throw new IllegalArgumentException("Configuration " + PID + ": key 'authentication' is '"
                    + config.authentication() + "'; allowed: apim, open");
        }
        simulator = b.start();
        LOG.info("PDS simulator listening on {}; authentication {}; {} records; rate limit {}/s", simulator.fhirBaseUrl(),
                config.authentication(), simulator.patients().size(), config.rateLimitPerSecond());
    }

    private Optional<PdsCaller> caller(String token) {
        AccessTokenIntrospection introspection = apim;
        if (introspection == null) {
            return Optional.empty();
        }
        return introspection.introspect(token).map(PdsSimulatorComponent::toCaller);
    }

    private static PdsCaller toCaller(AccessTokenGrant grant) {
        return grant.userRestricted() ? PdsCaller.userRestricted(grant.apiKey()) : PdsCaller.applicationRestricted(grant.apiKey());
    }

    private static int requireAtLeastZero(String key, int value) {
        if (value < 0) {
            throw new IllegalArgumentException("Configuration " + PID + ": key '" + key + "' is " + value + "; allowed: 0 or more");
        }
        return value;
    }

    /** The running simulator, for the sandbox commands. */
    public PdsSimulator simulator() {
        return simulator;
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
