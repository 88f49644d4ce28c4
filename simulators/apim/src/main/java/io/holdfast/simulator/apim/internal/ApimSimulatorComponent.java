package io.holdfast.simulator.apim.internal;

import io.holdfast.simulator.apim.AccessTokenGrant;
import io.holdfast.simulator.apim.AccessTokenIntrospection;
import io.holdfast.simulator.apim.ApimSimulator;
import java.nio.file.Path;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the APIM simulator inside the sandbox; starts only when its configuration is present. Offers
 * {@link AccessTokenIntrospection} so the sandbox's resource simulators (PDS, …) accept its tokens.
 */
@Component(configurationPid = ApimSimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = AccessTokenIntrospection.class)
@Designate(ocd = ApimSimulatorComponent.Config.class)
public class ApimSimulatorComponent implements AccessTokenIntrospection {
    static final String PID = "io.holdfast.simulator.apim";
    private static final Logger LOG = LoggerFactory.getLogger(ApimSimulatorComponent.class);
    private volatile ApimSimulator simulator;

    @ObjectClassDefinition(name = "Holdfast APIM simulator", description = "Sandbox-only NHS API platform token endpoint")
    public @interface Config {
        @AttributeDefinition(description = "Bind address")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "Port (sandbox: 8720)")
        int port() default 8720;

        @AttributeDefinition(description = "Lifetime of issued access tokens in seconds (sent as expires_in)")
        long expiresInSeconds() default 599;

        @AttributeDefinition(required = false, description = "Audience client assertions must name (default http://host:port/oauth2/token)")
        String tokenUrl() default "";

        @AttributeDefinition(required = false,
                description = "Registered applications as apiKey|kid|/path/to/public-key-or-certificate.pem")
        String[] applications() default {};
    }

    @Activate
    void activate(Config config) throws Exception {
        ApimSimulator.Builder b = ApimSimulator.builder().host(config.host()).port(config.port())
                .expiresInSeconds(config.expiresInSeconds());
        if (!config.tokenUrl().isBlank()) {
            b.tokenUrl(config.tokenUrl());
        }
        ApimSimulator sim = b.start();
        try {
            for (String app : config.applications()) {
                String[] p = app.split("\\|", 3);
                if (p.length != 3) {
                    throw new IllegalArgumentException("Configuration " + PID + ": key 'applications' entry '" + p[0]
                            + "' is incomplete; allowed: apiKey|kid|/path/to/public-key.pem");
                }
                sim.registerApplication(p[0].trim(), p[1].trim(), ApimSimulator.readPublicKey(Path.of(p[2].trim())));
            }
        } catch (Exception e) {
            sim.close();
            throw e;
        }
        simulator = sim;
        LOG.info("APIM simulator listening on {}; token URL {}; {} applications", sim.baseUrl(), sim.tokenUrl(),
                config.applications().length);
    }

    @Override
    public Optional<AccessTokenGrant> introspect(String accessToken) {
        ApimSimulator sim = simulator;
        return sim == null ? Optional.empty() : sim.introspect(accessToken);
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
