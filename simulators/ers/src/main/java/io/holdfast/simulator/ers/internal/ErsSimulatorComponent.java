package io.holdfast.simulator.ers.internal;

import io.holdfast.simulator.apim.AccessTokenIntrospection;
import io.holdfast.simulator.ers.ErsCaller;
import io.holdfast.simulator.ers.ErsSimulator;
import io.holdfast.simulator.ers.ErsSimulatorConfig;
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
 * Runs the e-RS simulator inside the sandbox; starts only when its configuration is present. With
 * {@code authentication=apim} it accepts the bearer tokens the sandbox's APIM simulator issued (its
 * {@link AccessTokenIntrospection} service): a CIS2-exchange token is user-restricted (role headers required),
 * a client-credentials token application-restricted (read endpoints only); without that service every token is
 * refused. The service is for the sandbox command ({@code sandbox:ers-faults}).
 */
@Component(configurationPid = ErsSimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = ErsSimulatorComponent.class)
@Designate(ocd = ErsSimulatorComponent.Config.class)
public class ErsSimulatorComponent {
    static final String PID = "io.holdfast.simulator.ers";
    private static final Logger LOG = LoggerFactory.getLogger(ErsSimulatorComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile AccessTokenIntrospection apim;
    private volatile ErsSimulator simulator;

    @ObjectClassDefinition(name = "Holdfast e-RS simulator", description = "Sandbox-only NHS e-Referral Service FHIR API")
    public @interface Config {
        @AttributeDefinition(description = "Bind address")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "Port (sandbox: 8740)")
        int port() default 8740;

        @AttributeDefinition(description = "apim: bearer tokens issued by the APIM simulator; none: no token needed (as the NHS sandbox)")
        String authentication() default "apim";

        @AttributeDefinition(description = "Whether requests without X-Request-ID are refused (400)")
        boolean requireRequestId() default true;
    }

    @Activate
    void activate(Config config) {
        if (config.port() < 0 || config.port() > 65535) {
            throw new IllegalArgumentException("Configuration " + PID + ": key 'port' is " + config.port() + "; allowed: 0 to 65535");
        }
        ErsSimulatorConfig.Builder b = ErsSimulatorConfig.builder().host(config.host()).port(config.port())
                .requireRequestId(config.requireRequestId());
        switch (config.authentication()) {
            case "apim" -> b.callers(this::caller);
            case "none" -> { }
            default -> throw new IllegalArgumentException("Configuration " + PID + ": key 'authentication' is '"
                    + config.authentication() + "'; allowed: apim, none");
        }
        simulator = ErsSimulator.start(b.build());
        LOG.info("e-RS simulator listening on {}; authentication {}; {} referrals", simulator.fhirBaseUrl(), config.authentication(),
                simulator.referrals().size());
    }

    private Optional<ErsCaller> caller(String token) {
        AccessTokenIntrospection introspection = apim;
        if (introspection == null) {
            return Optional.empty();
        }
        return introspection.introspect(token).map(g -> new ErsCaller(g.apiKey(), g.userRestricted()));
    }

    /** The running simulator, for the sandbox command. */
    public ErsSimulator simulator() {
        return simulator;
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
