package io.holdfast.testkit;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Router;
import io.holdfast.api.kernel.Transports;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.Codec;
import io.holdfast.credentials.internal.auth.ApiKeyAuthProvider;
import io.holdfast.credentials.internal.auth.ApimAuthConfig;
import io.holdfast.credentials.internal.auth.NoneAuthProvider;
import io.holdfast.credentials.internal.auth.OrgCredentialsAuthProvider;
import io.holdfast.credentials.internal.auth.SignedJwtAuthProvider;
import io.holdfast.credentials.internal.auth.TlsMutualAuthProvider;
import io.holdfast.credentials.internal.vault.VaultService;
import io.holdfast.health.internal.HealthRegistry;
import io.holdfast.health.internal.KernelAlerts;
import io.holdfast.idempotency.internal.IdempotencyCore;
import io.holdfast.intake.internal.IntakeCore;
import io.holdfast.intake.internal.RouteRequirement;
import io.holdfast.intake.spi.IntakeParticipant;
import io.holdfast.inventory.internal.InventoryConfig;
import io.holdfast.inventory.internal.InventoryService;
import io.holdfast.journal.internal.JournalConfigs;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.journal.internal.workfile.EncryptedWorkFiles;
import io.holdfast.routing.internal.dispatch.Dispatcher;
import io.holdfast.routing.internal.dispatch.DispatcherAssembly;
import io.holdfast.routing.internal.dispatch.ServiceDirectory;
import io.holdfast.routing.internal.outbox.OutboxParticipant;
import io.holdfast.routing.internal.outbox.OutboxStore;
import io.holdfast.routing.internal.outbox.RecentEvents;
import io.holdfast.routing.internal.outbox.TargetMonitor;
import io.holdfast.routing.internal.route.RouteRegistry;
import io.holdfast.store.internal.JdbcStore;
import io.holdfast.store.internal.KernelLeases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Constructs the kernel's components in the order Declarative Services activates them in Karaf,
 * handing each the collaborators its {@code @Reference}s name. This is the one place outside the
 * kernel bundles that knows their internal classes; everything a test gets back is API.
 */
final class KernelAssembly {
    private static final Set<String> BUILT_IN_TRANSPORTS = Set.of(Transports.HTTP, Transports.MLLP, Transports.MESH,
            Transports.SFTP, Transports.DB, Transports.SPINE_EBXML);
    private static final Set<String> BUILT_IN_FORMATS = Set.of(WireFormat.HL7V2, WireFormat.FHIR, WireFormat.HL7V3_EBXML,
            WireFormat.ESR_FILE, WireFormat.OPAQUE);

    private KernelAssembly() {
    }

    /** The parts a {@link TestKernel} holds; built in activation order. */
    record Parts(Path directory, MutableClock clock, io.holdfast.keys.api.MasterKeys keys, EmbeddedDataSource dataSource,
                 JdbcStore store, HealthRegistry health, SimpleMeterRegistry meters, KernelAlerts alerts, KernelLeases leases,
                 JournalCore journal, EncryptedWorkFiles workFiles, IdempotencyCore idempotency, InventoryService inventory,
                 VaultService vault, List<AuthProvider> authProviders, RouteRegistry routes, Router router, OutboxStore outbox,
                 TargetMonitor monitor, IntakeCore intake, ServiceDirectory services, Optional<Dispatcher> dispatcher,
                 AtomicBoolean routingRunning) {
    }

    static TestKernel start(TestKernelBuilder b) {
        EmbeddedDataSource ds = derby(b.directory);
        Path derbyDir = b.directory.resolve("derby");
        JdbcStore store = new JdbcStore(ds, derbyDir.toString(), Optional.of(derbyDir));
        HealthRegistry health = new HealthRegistry();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        KernelAlerts alerts = new KernelAlerts(meters);
        KernelLeases leases = new KernelLeases(store, health);
        JournalCore journal = new JournalCore(store, b.keys, b.directory, JournalConfigs.with(b.journalSettings));
        try {
            return wireRest(b, ds, store, health, meters, alerts, leases, journal);
        } catch (RuntimeException e) {
            journal.close();
            shutdown(ds);
            throw e;
        }
    }

    private static TestKernel wireRest(TestKernelBuilder b, EmbeddedDataSource ds, JdbcStore store, HealthRegistry health,
                                       SimpleMeterRegistry meters, KernelAlerts alerts, KernelLeases leases, JournalCore journal) {
        EncryptedWorkFiles workFiles = new EncryptedWorkFiles(b.directory.resolve("work"), b.keys);
        IdempotencyCore idempotency = new IdempotencyCore(store, journal);
        InventoryService inventory = new InventoryService(store, health, inventoryConfig(b));
        VaultService vault = new VaultService(store, b.keys, inventory, health, b.clock);
        ServiceDirectory services = new ServiceDirectory();
        List<AuthProvider> providers = authProviders(b, vault, health);
        register(providers, inventory, services);
        b.systems.forEach(inventory::save);
        RouteRegistry routes = new RouteRegistry();
        b.routes.forEach(r -> routes.add(TestRoutes.definition(r)));
        OutboxStore outbox = new OutboxStore(store, b.keys);
        TargetMonitor monitor = new TargetMonitor(outbox, routes, health, alerts);
        RecentEvents recent = new RecentEvents(b.recentEvents);
        OutboxParticipant participant = new OutboxParticipant(outbox, journal, monitor, recent);
        // Intake sees the router and the outbox participant as dynamic references, as in Karaf: absent while routing is "stopped".
        AtomicBoolean routing = new AtomicBoolean(true);
        Router router = b.fixedRouter.orElse(routes);
        List<IntakeParticipant> participants = b.fixedRouter.isPresent() ? List.of() : List.of(participant);
        IntakeCore intake = new IntakeCore(journal, idempotency, () -> routing.get() ? Optional.of(router) : Optional.empty(),
                () -> routing.get() ? participants : List.of(), requirement(b.routeMode));
        b.codecs.forEach((codec, family) -> services.addCodec(codec, Map.of(ServiceDirectory.FORMAT, family)));
        b.transports.forEach(t -> services.addTransport(t, Map.of(ServiceDirectory.TRANSPORT, t.transport())));
        Optional<Dispatcher> dispatcher = b.dispatcherSettings().map(s -> DispatcherAssembly.start(outbox, journal, journal,
                inventory, routes, monitor, recent, health, services, settings(s)));
        return new TestKernel(new Parts(b.directory, b.clock, b.keys, ds, store, health, meters, alerts,
                leases, journal, workFiles, idempotency, inventory, vault, providers, routes, router, outbox, monitor, intake, services,
                dispatcher, routing));
    }

    /** As the inventory's and the dispatcher's dynamic references receive each AuthProvider service. */
    private static void register(List<AuthProvider> providers, InventoryService inventory, ServiceDirectory services) {
        for (AuthProvider p : providers) {
            Map<String, Object> props = Map.of(ServiceDirectory.AUTH_PATTERN, p.pattern().name());
            inventory.addAuthProvider(p, props);
            services.addAuthProvider(p, props);
        }
    }

    private static Dispatcher.Settings settings(DispatchSettings s) {
        return new Dispatcher.Settings(s.threads(), s.pollIntervalMs(), s.leaseMs(), s.batchSize(), s.waitRetryMs(), s.nodeId());
    }

    static EmbeddedDataSource derby(Path directory) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName(directory.resolve("derby").toString());
        ds.setCreateDatabase("create");
        return ds;
    }

    /** Shuts the embedded database down, as a JVM exit would, so a restarted kernel boots it again. */
    static void shutdown(EmbeddedDataSource ds) {
        EmbeddedDataSource stop = new EmbeddedDataSource();
        stop.setDatabaseName(ds.getDatabaseName());
        stop.setShutdownDatabase("shutdown");
        try {
            stop.getConnection().close();
        } catch (java.sql.SQLException expected) {
            // Derby reports a successful shutdown as SQLState 08006; anything else means it was not booted.
        }
    }

    private static RouteRequirement requirement(RouteMode mode) {
        return switch (mode) {
            case JOURNAL_ONLY -> RouteRequirement.NONE;
            case REQUIRE_ROUTING -> RouteRequirement.ROUTING;
            case REQUIRE_ROUTE -> RouteRequirement.ROUTE;
        };
    }

    /** The shipped providers, built as DS would (system clock: their clock constructors are not public), plus the test's. */
    private static List<AuthProvider> authProviders(TestKernelBuilder b, VaultService vault, HealthRegistry health) {
        List<AuthProvider> providers = new java.util.ArrayList<>(List.of(new TlsMutualAuthProvider(vault),
                new SignedJwtAuthProvider(vault, health, ConfigProxies.of(ApimAuthConfig.class, Map.of())),
                new OrgCredentialsAuthProvider(vault), new ApiKeyAuthProvider(vault), new NoneAuthProvider()));
        providers.addAll(b.authProviders);
        return providers;
    }

    /** Allows the transports and formats the test registered or named, beyond the built-in ones. */
    private static InventoryConfig inventoryConfig(TestKernelBuilder b) {
        Set<String> transports = new LinkedHashSet<>();
        b.transports.forEach(t -> transports.add(t.transport()));
        b.systems.forEach(s -> transports.add(s.transport()));
        transports.removeAll(BUILT_IN_TRANSPORTS);
        Set<String> formats = new LinkedHashSet<>();
        b.codecs.values().forEach(formats::add);
        b.codecs.keySet().stream().map(Codec::format).map(WireFormat::family).forEach(formats::add);
        b.systems.forEach(s -> formats.add(s.format().family()));
        formats.removeAll(BUILT_IN_FORMATS);
        return ConfigProxies.of(InventoryConfig.class, Map.of("extraTransports", transports.toArray(String[]::new),
                "extraFormats", formats.toArray(String[]::new)));
    }
}
