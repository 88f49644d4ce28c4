package io.holdfast.testkit;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.keys.api.MasterKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link TestKernel} starts with. Everything has a test-friendly default: test keys, a
 * {@link MutableClock} at the current time, production's "ACK means routed" ({@link RouteMode#REQUIRE_ROUTE}),
 * small journal segments with the disk guard off, no routes, no systems, and a dispatcher only if a
 * transport is registered.
 */
public final class TestKernelBuilder {
    /**
     * Journal settings that differ from the shipped ones: small payload segments, and the disk guard
     * off so a test does not depend on the build machine's free space.
     */
    static final Map<String, Object> TEST_JOURNAL = Map.of("payloadSegmentBytes", 1 << 20, "minFreeBytes", 0L, "minFreePercent", 0);

    final Path directory;
    MutableClock clock = MutableClock.startingNow();
    MasterKeys keys = new TestMasterKeys();
    RouteMode routeMode = RouteMode.REQUIRE_ROUTE;
    final Map<String, Object> journalSettings = new HashMap<>(TEST_JOURNAL);
    final List<TestRoute> routes = new ArrayList<>();
    final List<DownstreamSystem> systems = new ArrayList<>();
    final List<OutboundTransport> transports = new ArrayList<>();
    final Map<Codec<?>, String> codecs = new LinkedHashMap<>();
    final List<AuthProvider> authProviders = new ArrayList<>();
    Optional<DispatchSettings> dispatch = Optional.empty();
    boolean dispatcherOff;
    Optional<Router> fixedRouter = Optional.empty();
    int recentEvents = 10_000;

    TestKernelBuilder(Path directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The clock the vault (activation, expiry) reads; move it with {@link MutableClock#advance}. */
    public TestKernelBuilder clock(MutableClock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** Master keys other than the {@link TestMasterKeys} (e.g. a real keystore, for a benchmark). */
    public TestKernelBuilder keys(MasterKeys value) {
        this.keys = Objects.requireNonNull(value, "keys");
        return this;
    }

    public TestKernelBuilder routeMode(RouteMode value) {
        this.routeMode = Objects.requireNonNull(value, "routeMode");
        return this;
    }

    /** Intake accepts every message whether or not a route matches: for tests of the inbound side only. */
    public TestKernelBuilder journalOnly() {
        return routeMode(RouteMode.JOURNAL_ONLY);
    }

    /** Sets a key of PID {@code io.holdfast.journal} (e.g. {@code maxBatch}, {@code fieldsInClear}). */
    public TestKernelBuilder journalSetting(String key, Object value) {
        journalSettings.put(key, value);
        return this;
    }

    /** The journal exactly as shipped (large segments, disk guard on), for benchmarks. */
    public TestKernelBuilder shippedJournalSettings() {
        journalSettings.clear();
        return this;
    }

    /** A route of every source and event type to these inventory systems. */
    public TestKernelBuilder route(String name, String... targets) {
        return route(TestRoute.named(name).to(targets));
    }

    public TestKernelBuilder route(TestRoute route) {
        routes.add(Objects.requireNonNull(route, "route"));
        return this;
    }

    /** Stores a downstream system in the inventory at start (validated as {@code holdfast:system-add} would). */
    public TestKernelBuilder system(DownstreamSystem system) {
        systems.add(Objects.requireNonNull(system, "system"));
        return this;
    }

    /**
     * A system of environment {@code test} and auth pattern NONE, with an endpoint of the form its
     * transport requires that reaches nothing ({@code mllp://127.0.0.1:1}, {@code https://<id>.invalid/}, ...;
     * {@code test://<id>} for a transport of the test's own). Use {@link #system(DownstreamSystem)} to
     * point it at a simulator.
     */
    public TestKernelBuilder system(String id, String transport, WireFormat format) {
        return system(new DownstreamSystem(id, "Test " + id, Optional.empty(), "test", transport, format,
                unreachableEndpoint(id, transport), AuthPattern.NONE, Optional.empty(), Optional.empty()));
    }

    private static String unreachableEndpoint(String id, String transport) {
        return switch (transport) {
            case Transports.MLLP -> "mllp://127.0.0.1:1";
            case Transports.HTTP, Transports.MESH, Transports.SPINE_EBXML -> "https://" + id + ".invalid/";
            case Transports.SFTP -> "sftp://" + id + ".invalid/";
            case Transports.DB -> "jdbc:derby:memory:" + id;
            default -> "test://" + id;
        };
    }

    /**
     * Registers an outbound transport with the dispatcher, as its OSGi service would be. A transport
     * or format the inventory does not build in is allowed automatically (in Karaf: the
     * {@code extraTransports} / {@code extraFormats} keys of PID {@code io.holdfast.inventory}).
     */
    public TestKernelBuilder transport(OutboundTransport transport) {
        transports.add(Objects.requireNonNull(transport, "transport"));
        return this;
    }

    /** Registers a codec under its own format family. */
    public TestKernelBuilder codec(Codec<?> codec) {
        return codec(codec, codec.format().family());
    }

    /** Registers a codec under a family (its {@code holdfast.format} service property). */
    public TestKernelBuilder codec(Codec<?> codec, String family) {
        codecs.put(Objects.requireNonNull(codec, "codec"), family);
        return this;
    }

    /** An auth provider besides the shipped ones (TLS_MUTUAL, OAUTH2_SIGNED_JWT, ORG_CREDENTIALS, API_KEY, NONE). */
    public TestKernelBuilder authProvider(AuthProvider provider) {
        authProviders.add(Objects.requireNonNull(provider, "provider"));
        return this;
    }

    /**
     * Intake asks this router instead of the routes, and routing's outbox takes no part: ROUTED stages
     * are journaled for the targets it names, but no outbox row is written and nothing is delivered.
     * That is the kernel's inbound write path alone (the kernel benchmark's workload). Implies
     * {@link #journalOnly()}, since there is no routing for Intake to require.
     */
    public TestKernelBuilder fixedRouter(Router router) {
        this.fixedRouter = Optional.of(router);
        return journalOnly();
    }

    /**
     * How many recently accepted events the dispatcher keeps decoded, so delivery need not read them
     * back from the journal (the component keeps 10000; a benchmark with a deep backlog may want more).
     */
    public TestKernelBuilder recentEventsCapacity(int events) {
        this.recentEvents = events;
        return this;
    }

    /** Starts the dispatcher with these settings (by default it starts, {@link DispatchSettings#FAST}, once a transport is registered). */
    public TestKernelBuilder dispatch(DispatchSettings settings) {
        this.dispatch = Optional.of(settings);
        this.dispatcherOff = false;
        return this;
    }

    /** No dispatcher: outbox rows stay PENDING, for tests that inspect what was scheduled. */
    public TestKernelBuilder noDispatcher() {
        this.dispatch = Optional.empty();
        this.dispatcherOff = true;
        return this;
    }

    Optional<DispatchSettings> dispatcherSettings() {
        if (dispatcherOff) {
            return Optional.empty();
        }
        return dispatch.isPresent() || transports.isEmpty() ? dispatch : Optional.of(DispatchSettings.FAST);
    }

    /**
     * Starts the kernel: creates or reopens the Derby database under the directory and wires every
     * service. A second kernel started on the same directory after {@link TestKernel#close()} sees
     * the same data, as after a restart.
     */
    public TestKernel start() {
        if (fixedRouter.isPresent() && routeMode != RouteMode.JOURNAL_ONLY) {
            throw new IllegalStateException("a fixed router writes no outbox rows, so Intake cannot require routing: "
                    + "routeMode must stay JOURNAL_ONLY");
        }
        return KernelAssembly.start(this);
    }
}
