package io.holdfast.simulator.mesh.internal;

import io.holdfast.simulator.mesh.MeshSimulator;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs the MESH simulator inside the sandbox; starts only when its configuration is present. */
@Component(configurationPid = MeshSimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = MeshSimulatorComponent.Config.class)
public class MeshSimulatorComponent {
    static final String PID = "io.holdfast.simulator.mesh";
    private static final Logger LOG = LoggerFactory.getLogger(MeshSimulatorComponent.class);
    private MeshSimulator simulator;

    @ObjectClassDefinition(name = "Holdfast MESH simulator", description = "Sandbox-only MESH API v2 simulator")
    public @interface Config {
        @AttributeDefinition(description = "Bind address")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "Port (sandbox: 8700)")
        int port() default 8700;

        @AttributeDefinition(description = "Environment shared key for the NHSMESH HMAC")
        String sharedKey() default "TestKey";

        @AttributeDefinition(description = "Mailboxes as MAILBOX:password[:WORKFLOW1|WORKFLOW2]; entries may also be comma-separated in one value")
        String[] mailboxes() default {"X26ABC1:password", "X26ABC2:password", "X26ABC3:password"};

        @AttributeDefinition(description = "Directory for message chunks (default: karaf data/mesh-simulator)")
        String dataDir() default "";
    }

    @Activate
    void activate(Config config) {
        MeshSimulator.Builder b = MeshSimulator.builder().host(config.host()).port(config.port()).sharedKey(config.sharedKey());
        // A .cfg or feature <config> value arrives as one comma-separated string.
        for (String m : java.util.Arrays.stream(config.mailboxes()).flatMap(v -> java.util.Arrays.stream(v.split(","))).toList()) {
            String[] p = m.trim().split(":");
            if (p.length < 2) {
                throw new IllegalArgumentException("Configuration " + PID + ": key 'mailboxes' entry '" + p[0]
                        + "' has no password; allowed: MAILBOX:password[:WORKFLOW1|WORKFLOW2]");
            }
            b.mailbox(p[0].trim(), p[1], p.length > 2 ? p[2].split("\\|") : new String[0]);
        }
        String dir = config.dataDir().isBlank() ? System.getProperty("karaf.data", System.getProperty("java.io.tmpdir")) + "/mesh-simulator"
                : config.dataDir();
        b.dataDir(Path.of(dir));
        simulator = b.start();
        LOG.info("MESH simulator listening on {}", simulator.baseUrl());
    }

    @Deactivate
    void deactivate() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
