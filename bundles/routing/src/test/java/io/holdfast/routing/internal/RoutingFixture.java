package io.holdfast.routing.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.IntakeReceipt;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.health.internal.HealthRegistry;
import io.holdfast.idempotency.internal.IdempotencyCore;
import io.holdfast.intake.internal.IntakeCore;
import io.holdfast.intake.internal.RouteRequirement;
import io.holdfast.journal.internal.JournalCore;
import io.holdfast.journal.internal.JournalFixture;
import io.holdfast.journal.internal.TestKeys;
import io.holdfast.routing.internal.dispatch.Dispatcher;
import io.holdfast.routing.internal.dispatch.DispatcherAssembly;
import io.holdfast.routing.internal.dispatch.ServiceDirectory;
import io.holdfast.routing.internal.outbox.OutboxAdmin;
import io.holdfast.routing.internal.outbox.OutboxParticipant;
import io.holdfast.routing.internal.outbox.OutboxStore;
import io.holdfast.routing.internal.outbox.RecentEvents;
import io.holdfast.routing.internal.outbox.TargetMonitor;
import io.holdfast.routing.internal.route.RouteDefinition;
import io.holdfast.routing.internal.route.RouteRegistry;
import io.holdfast.store.internal.JdbcStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Store, journal, idempotency and Intake on Derby in a temp directory, with routing wired in as
 * the components would wire it, an in-memory inventory, a line codec and a scripted transport.
 */
public final class RoutingFixture implements AutoCloseable {
    public final JdbcStore store;
    public final TestKeys keys = new TestKeys();
    public final JournalCore journal;
    public final IdempotencyCore idempotency;
    public final HealthRegistry health = new HealthRegistry();
    public final TestAlerts alerts = new TestAlerts();
    public final RouteRegistry routes = new RouteRegistry();
    public final OutboxStore outbox;
    public final TargetMonitor monitor;
    public final RecentEvents recent = new RecentEvents();
    public final OutboxParticipant participant;
    public final OutboxAdmin admin;
    public final IntakeCore intake;
    public final MapInventory inventory = new MapInventory();
    public final ServiceDirectory services = new ServiceDirectory();
    public final ScriptedTransport transport = new ScriptedTransport();
    public Dispatcher dispatcher;
    /** Rows a test dispatcher holds at once (claimed or handed over). */
    public static final int DISPATCHER_BATCH = 50;

    public RoutingFixture(Path dir) {
        EmbeddedDataSource ds = JournalFixture.derby(dir);
        store = new JdbcStore(ds, "test");
        journal = new JournalCore(store, keys, dir, JournalFixture.config(256));
        idempotency = new IdempotencyCore(store, journal);
        outbox = new OutboxStore(store, keys);
        monitor = new TargetMonitor(outbox, routes, health, alerts);
        participant = new OutboxParticipant(outbox, journal, monitor, recent);
        admin = new OutboxAdmin(outbox, journal, monitor);
        // As in production: Intake requires a route for every new event ("ACK means routed").
        intake = new IntakeCore(journal, idempotency, () -> Optional.of(routes), () -> List.of(participant), RouteRequirement.ROUTE);
        inventory.save(system("epr"));
        inventory.save(system("gp"));
        services.addCodec(new LineCodec(), Map.of(ServiceDirectory.FORMAT, LineCodec.FAMILY));
        services.addTransport(transport, Map.of(ServiceDirectory.TRANSPORT, ScriptedTransport.NAME));
    }

    public static DownstreamSystem system(String id) {
        return new DownstreamSystem(id, id.toUpperCase(), Optional.empty(), "test", ScriptedTransport.NAME, LineCodec.FORMAT,
                "mem://" + id, AuthPattern.NONE, Optional.empty(), Optional.empty());
    }

    public RoutingFixture route(String name, TestRouteConfig config) {
        routes.add(RouteDefinition.from("io.holdfast.route-" + name, name, config));
        return this;
    }

    public Dispatcher startDispatcher() {
        return startDispatcher(recent, 4);
    }

    public Dispatcher startDispatcher(RecentEvents cache, int threads) {
        dispatcher = startDispatcher(cache, new Dispatcher.Settings(threads, 20, 60_000, DISPATCHER_BATCH, 50, "test"));
        return dispatcher;
    }

    /** A dispatcher with these settings (e.g. a second node's, or a short lease); the caller closes it. */
    public Dispatcher startDispatcher(RecentEvents cache, Dispatcher.Settings settings) {
        return DispatcherAssembly.start(outbox, journal, journal, inventory, routes, monitor, cache, health, services, settings);
    }

    /** Accepts a message of {@code patient|visit|family} lines from {@code pas}, decoded by the line codec. */
    public IntakeReceipt accept(String messageId, String... lines) throws Exception {
        return acceptAsync(messageId, lines).get(10, TimeUnit.SECONDS);
    }

    public CompletableFuture<IntakeReceipt> acceptAsync(String messageId, String... lines) {
        byte[] bytes = LineCodec.lines(lines);
        Envelope env = Envelope.of(messageId, "pas", "mllp:adt-feed", LineCodec.FORMAT);
        return intake.accept(env, Payload.of(bytes), new LineCodec().decode(bytes, env, new FieldTrail()), new FieldTrail())
                .toCompletableFuture();
    }

    /** Accepts bytes no codec maps (an unknown message type), as a connector hands them over. */
    public CompletableFuture<IntakeReceipt> acceptUnmapped(String messageId, String source, byte[] bytes, String messageType) {
        Envelope env = Envelope.of(messageId, source, "mllp:adt-feed", LineCodec.FORMAT);
        return intake.accept(env, Payload.of(bytes), new io.holdfast.api.message.DecodeResult.Unmapped(messageType), new FieldTrail())
                .toCompletableFuture();
    }

    public static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /** Stops everything without finishing deliveries in progress, as a crash would. */
    public void crash() {
        if (dispatcher != null) {
            dispatcher.halt();
            dispatcher = null;
        }
        journal.close();
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
        journal.close();
    }
}
