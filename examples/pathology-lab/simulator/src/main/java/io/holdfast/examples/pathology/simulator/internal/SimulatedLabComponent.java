package io.holdfast.examples.pathology.simulator.internal;

import io.holdfast.examples.pathology.simulator.DemoResults;
import io.holdfast.examples.pathology.simulator.SimulatedLab;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * Runs the simulated lab inside the sandbox (feature {@code holdfast-example-pathology-sandbox}); starts
 * only when its configuration is present, and can publish a demo result every few seconds.
 */
@Component(configurationPid = SimulatedLabComponent.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = {})
@Designate(ocd = SimulatedLabComponent.Config.class)
public class SimulatedLabComponent {
    static final String PID = "io.holdfast.examples.pathology.simulator";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedLabComponent.class);
    private SimulatedLab lab;
    private ScheduledExecutorService demo;

    @ObjectClassDefinition(name = "Simulated pathology lab", description = "Sandbox-only pathology LIMS results feed (CSV over HTTP)")
    public @interface Config {
        @AttributeDefinition(description = "Bind address")
        String host() default "127.0.0.1";

        @AttributeDefinition(description = "Port (sandbox: 8790)")
        int port() default 8790;

        @AttributeDefinition(description = "API key callers must send in the apikey header; empty = open")
        String apiKey() default "";

        @AttributeDefinition(description = "Publish a demo result every this many seconds; 0 = off")
        int demoIntervalSeconds() default 0;

        @AttributeDefinition(description = "Seed of the demo results (same seed, same results)")
        long demoSeed() default 1;
    }

    @Activate
    void activate(Config config) {
        if (config.port() < 0 || config.port() > 65535) {
            throw new IllegalArgumentException("Configuration " + PID + ": key 'port' is " + config.port() + "; allowed: 0-65535");
        }
        if (config.demoIntervalSeconds() < 0) {
            throw new IllegalArgumentException("Configuration " + PID + ": key 'demoIntervalSeconds' is " + config.demoIntervalSeconds()
                    + "; allowed: 0 (off) or more");
        }
        SimulatedLab.Builder b = SimulatedLab.builder().host(config.host()).port(config.port());
        if (!config.apiKey().isBlank()) {
            b.apiKey(config.apiKey());
        }
        lab = b.start();
        LOG.info("Simulated pathology lab on {}/results ({})", lab.baseUrl(), config.apiKey().isBlank() ? "open" : "apikey required");
        if (config.demoIntervalSeconds() > 0) {
            DemoResults results = new DemoResults(config.demoSeed());
            demo = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "pathology-lab-simulator-demo"));
            demo.scheduleWithFixedDelay(() -> results.publishNext(lab.feed(), Instant.now()), config.demoIntervalSeconds(),
                    config.demoIntervalSeconds(), TimeUnit.SECONDS);
        }
    }

    @Deactivate
    void deactivate() {
        if (demo != null) {
            demo.shutdownNow();
        }
        if (lab != null) {
            lab.close();
        }
    }
}
