package io.holdfast.examples.pathology.internal.config;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.credentials.api.Activation;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.examples.pathology.simulator.SimulatedLab;
import io.holdfast.testkit.RouteMode;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestRoute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Component-test wiring: one real kernel per test class ({@link TestKernel}: Intake requiring a route as in
 * production, journal, idempotency, inventory, vault with the shipped API_KEY provider, work files,
 * health), and per test a simulated lab on a loopback port with its own inventory entry
 * ({@code <name>-lab}, API_KEY, key in the vault) and route ({@code pathology:<name>} to {@value #TARGET},
 * a target that is never delivered to), so tests share the kernel without sharing keys or cursors. The DS
 * component is constructed and activated as Karaf would, except that it polls only when the test says so.
 */
public final class LabHarness implements AutoCloseable {
    public static final String TARGET = "epr";
    public final TestKernel kernel;
    private final List<Lab> labs = new ArrayList<>();

    /** A simulated lab, its inventory id and the waits its component asked for (recorded, not slept). */
    public final class Lab implements AutoCloseable {
        public final String name;
        public final String system;
        public final String key;
        public final SimulatedLab sim;
        public final List<Duration> waits = new ArrayList<>();
        private final List<PathologyLabComponent> components = new ArrayList<>();

        private Lab(String name, String key, SimulatedLab sim) {
            this.name = name;
            this.system = name + "-lab";
            this.key = key;
            this.sim = sim;
        }

        /** Imports a new API_KEY version of the lab's vault entry and activates it now. */
        public void importKey(String newKey) {
            kernel.vaultAdmin().importCredential(ImportRequest.of(CredentialTarget.system(system), CredentialKind.API_KEY,
                    List.of(newKey.getBytes(StandardCharsets.UTF_8))).withActivation(new Activation.Now()));
        }

        /** The lab's component with fast retries ({@code retryBackoff} 10 ms, at most 50 ms) plus {@code extra} keys. */
        public PathologyLabComponent component(Map<String, Object> extra) {
            Map<String, Object> props = new HashMap<>(Map.of("service.pid", LabSettings.FACTORY_PID + "~" + name, "system", system,
                    "retryBackoff", "PT0.01S", "retryBackoffMax", "PT0.05S", "pollInterval", "PT24H"));
            props.putAll(extra);
            PathologyLabComponent c = new PathologyLabComponent();
            c.intake = kernel.intake();
            c.journal = kernel.journal();
            c.inventory = kernel.inventory();
            c.health = kernel.health();
            c.workFiles = kernel.workFiles();
            for (AuthPattern p : AuthPattern.values()) {
                Optional<AuthProvider> provider = kernel.authProvider(p);
                provider.ifPresent(a -> c.addAuthProvider(a, Map.of("holdfast.auth.pattern", p.name())));
            }
            c.sleeper = d -> {
                synchronized (waits) {
                    waits.add(d);
                }
            };
            c.firstPollDelayMillis = Duration.ofHours(1).toMillis();
            c.activate(props);
            components.add(c);
            return c;
        }

        public PathologyLabComponent component() {
            return component(Map.of());
        }

        /** Deactivates a component as Karaf does when its configuration or bundle goes. */
        public void stop(PathologyLabComponent c) throws InterruptedException {
            c.deactivate();
            components.remove(c);
        }

        @Override
        public void close() throws InterruptedException {
            for (PathologyLabComponent c : List.copyOf(components)) {
                stop(c);
            }
            sim.close();
        }
    }

    private LabHarness(TestKernel kernel) {
        this.kernel = kernel;
    }

    private static LabHarness shared;

    /**
     * One kernel for every component-test class of this module (a kernel start costs seconds): started on
     * first use in a temporary folder, closed when the test JVM ends. Each test uses its own lab name.
     */
    public static synchronized LabHarness shared() {
        if (shared == null) {
            try {
                Path dir = java.nio.file.Files.createTempDirectory("pathology-kernel");
                LabHarness h = start(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        h.close();
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                }, "pathology-test-kernel-close"));
                shared = h;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return shared;
    }

    public static LabHarness start(Path dir) {
        return new LabHarness(TestKernel.builder(dir).routeMode(RouteMode.REQUIRE_ROUTE).system(TARGET, "HTTP", WireFormat.fhirR4()).start());
    }

    /** A lab with its key in the vault and a route for its results. */
    public Lab lab(String name) {
        return lab(name, true);
    }

    public Lab lab(String name, boolean routed) {
        String key = name + "-key-for-tests";
        SimulatedLab sim = SimulatedLab.builder().apiKey(key).start();
        Lab lab = new Lab(name, key, sim);
        labs.add(lab);
        kernel.inventory().save(new DownstreamSystem(lab.system, "Pathology lab " + name, Optional.empty(), "test", "HTTP",
                WireFormat.opaque(), sim.baseUrl() + "/", AuthPattern.API_KEY, Optional.empty(), Optional.empty()));
        lab.importKey(key);
        if (routed) {
            route(lab);
        }
        return lab;
    }

    public void route(Lab lab) {
        kernel.addRoute(TestRoute.named(lab.name + "-results").sources("pathology:" + lab.name).to(TARGET));
    }

    @Override
    public void close() throws Exception {
        for (Lab lab : labs) {
            lab.close();
        }
        kernel.close();
    }
}
