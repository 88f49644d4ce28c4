package io.holdfast.simulator.apim.internal;

import io.holdfast.simulator.apim.AccessTokenGrant;
import io.holdfast.simulator.apim.AccessTokenIntrospection;
import io.holdfast.simulator.apim.ApimSimulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
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
 * {@link AccessTokenIntrospection} so the sandbox's resource simulators (PDS, …) accept its tokens, and itself
 * for the sandbox command {@code sandbox:cis2-id-token}.
 */
@Component(configurationPid = ApimSimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {AccessTokenIntrospection.class, ApimSimulatorComponent.class})
@Designate(ocd = ApimSimulatorComponent.Config.class)
public class ApimSimulatorComponent implements AccessTokenIntrospection {
    static final String PID = "io.holdfast.simulator.apim";
    private static final String CLASSPATH = "classpath:";
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
                description = "Registered applications as apiKey|kid|/path/to/public-key-or-certificate.pem (or classpath:resource.pem)")
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
                register(sim, app);
            }
        } catch (Exception e) {
            sim.close();
            throw e;
        }
        simulator = sim;
        LOG.info("APIM simulator listening on {}; token URL {}; {} applications", sim.baseUrl(), sim.tokenUrl(),
                config.applications().length);
    }

    private static void register(ApimSimulator sim, String entry) throws IOException, GeneralSecurityException {
        String[] p = entry.split("\\|", 3);
        if (p.length != 3) {
            throw new IllegalArgumentException("Configuration " + PID + ": key 'applications' entry '" + p[0]
                    + "' is incomplete; allowed: apiKey|kid|/path/to/public-key.pem or apiKey|kid|classpath:resource.pem");
        }
        sim.registerApplication(p[0].trim(), p[1].trim(), publicKey(p[2].trim()));
    }

    /**
     * A file path, or {@code classpath:} and a resource of this bundle: the sandbox's demo application key ships
     * in the simulator (a sandbox-only bundle) so the sandbox works from the distribution alone.
     */
    private static PublicKey publicKey(String location) throws IOException, GeneralSecurityException {
        if (!location.startsWith(CLASSPATH)) {
            return ApimSimulator.readPublicKey(Path.of(location));
        }
        String resource = location.substring(CLASSPATH.length());
        try (InputStream in = ApimSimulatorComponent.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Configuration " + PID + ": key 'applications' names '" + location
                        + "', which is not a resource of the APIM simulator bundle");
            }
            return ApimSimulator.parsePublicKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
    }

    /** The running simulator, for the sandbox commands. */
    public ApimSimulator simulator() {
        return simulator;
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
