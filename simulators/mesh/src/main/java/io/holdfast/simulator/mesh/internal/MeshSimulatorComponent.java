package io.holdfast.simulator.mesh.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.simulator.mesh.MeshSimulator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the MESH simulator inside the sandbox; starts only when its configuration is present. Optionally it
 * plays a partner that sends a file to Holdfast's mailbox now and then ({@code demoFrom}), and adds the
 * inventory target that the sandbox route forwards those files to ({@code replyTo}). The service is for the
 * {@code sandbox:mesh-*} commands.
 */
@Component(configurationPid = MeshSimulatorComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = MeshSimulatorComponent.class)
@Designate(ocd = MeshSimulatorComponent.Config.class)
public class MeshSimulatorComponent {
    static final String PID = "io.holdfast.simulator.mesh";
    /** Inventory id of the MESH target the sandbox route sends to (seeded when {@code replyTo} is set). */
    public static final String REPLY_SYSTEM_ID = "mesh-reply";
    private static final Logger LOG = LoggerFactory.getLogger(MeshSimulatorComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policyOption = ReferencePolicyOption.GREEDY)
    Inventory inventory;

    /**
     * The NONE auth provider, registered by the credentials bundle with {@code holdfast.auth.pattern=NONE}.
     * Mandatory so the component (and the inventory seeding in activate) waits for it: the inventory refuses
     * a system whose auth pattern has no provider, and at boot the credentials bundle may start after this one.
     */
    @Reference(target = "(holdfast.auth.pattern=NONE)")
    AuthProvider noneAuthProvider;

    private MeshSimulator simulator;
    private MeshDemoSender demo;

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

        @AttributeDefinition(description = "Demo partner: this simulated mailbox sends a file to demoTo every demoIntervalSeconds; empty = no demo")
        String demoFrom() default "";

        @AttributeDefinition(description = "Recipient of the demo files (Holdfast's mailbox in the sandbox)")
        String demoTo() default "X26ABC2";

        @AttributeDefinition(description = "Workflow id of the demo files (and of the seeded reply target)")
        String demoWorkflow() default "TEST_WORKFLOW";

        @AttributeDefinition(description = "Seconds between demo files; the first goes after one interval")
        int demoIntervalSeconds() default 30;

        @AttributeDefinition(description = "Demo files to send, then stop")
        int demoCount() default 120;

        @AttributeDefinition(description = "Adds inventory system mesh-reply (MESH, OPAQUE, mesh:<replyTo>?workflow=<demoWorkflow>&from=<demoTo>); empty = none")
        String replyTo() default "";
    }

    @Activate
    void activate(Config config) {
        MeshSimulator.Builder b = MeshSimulator.builder().host(config.host()).port(config.port()).sharedKey(config.sharedKey());
        // A .cfg or feature <config> value arrives as one comma-separated string.
        for (String m : Arrays.stream(config.mailboxes()).flatMap(v -> Arrays.stream(v.split(","))).toList()) {
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
        if (!config.replyTo().isBlank()) {
            try {
                seedReplyTarget(config);
            } catch (RuntimeException e) {
                // the simulator itself is fine: keep it running and say why the demo route has no target
                LOG.error("Sandbox inventory: system {} not added: {}", REPLY_SYSTEM_ID, e.getMessage());
            }
        }
        if (!config.demoFrom().isBlank()) {
            demo = MeshDemoSender.start(simulator, config.demoFrom().trim(), config.demoTo().trim(), config.demoWorkflow().trim(),
                    Duration.ofSeconds(Math.max(1, config.demoIntervalSeconds())), config.demoCount());
        }
    }

    private void seedReplyTarget(Config config) {
        if (inventory == null || inventory.find(REPLY_SYSTEM_ID).isPresent()) {
            return;
        }
        String endpoint = "mesh:" + config.replyTo().trim().toUpperCase() + "?workflow=" + config.demoWorkflow().trim() + "&from="
                + config.demoTo().trim().toUpperCase();
        inventory.add(new DownstreamSystem(REPLY_SYSTEM_ID, "Simulated MESH partner " + config.replyTo().trim() + " (sandbox)",
                Optional.empty(), "dev", Transports.MESH, WireFormat.opaque(), endpoint, AuthPattern.NONE, Optional.empty(), Optional.empty()));
        LOG.info("Sandbox inventory: added system {} -> {}", REPLY_SYSTEM_ID, endpoint);
    }

    /** The running simulator, for the sandbox commands. */
    public MeshSimulator simulator() {
        return simulator;
    }

    @Deactivate
    void deactivate() {
        if (demo != null) {
            demo.close();
        }
        if (simulator != null) {
            simulator.close();
        }
    }
}
