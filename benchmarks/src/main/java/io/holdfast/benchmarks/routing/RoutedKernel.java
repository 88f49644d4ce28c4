package io.holdfast.benchmarks.routing;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.benchmarks.kernel.HoldfastKernel;
import io.holdfast.intake.internal.IntakeCore;
import io.holdfast.routing.internal.dispatch.Dispatcher;
import io.holdfast.routing.internal.dispatch.DispatcherAssembly;
import io.holdfast.routing.internal.dispatch.ServiceDirectory;
import io.holdfast.routing.internal.outbox.OutboxParticipant;
import io.holdfast.routing.internal.outbox.OutboxStore;
import io.holdfast.routing.internal.outbox.RecentEvents;
import io.holdfast.routing.internal.outbox.TargetMonitor;
import io.holdfast.routing.internal.route.RetryPolicy;
import io.holdfast.routing.internal.route.RouteDefinition;
import io.holdfast.routing.internal.route.RouteFilter;
import io.holdfast.routing.internal.route.RouteRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The real kernel ({@link HoldfastKernel}) with routing wired in as its components would: an
 * ordered route of every admission to one target {@code epr}, whose transport does nothing but
 * count (and report the visit number it delivered), with the dispatcher's shipped defaults.
 */
final class RoutedKernel implements AutoCloseable {
    static final String FORMAT = "BENCH";
    static final String TRANSPORT = "NOOP";

    final HoldfastKernel kernel;
    final IntakeCore intake;
    final OutboxStore outbox;
    final AtomicLong delivered = new AtomicLong();
    final Dispatcher dispatcher;

    RoutedKernel(Path dir, Consumer<String> onDelivered) {
        kernel = new HoldfastKernel(dir);
        RouteRegistry routes = new RouteRegistry();
        routes.add(new RouteDefinition("adt-to-epr", Set.of("*"), Set.of("*"), List.of("epr"), true, false, RetryPolicy.DEFAULT,
                1_000_000, RouteFilter.NONE, java.util.Map.of()));
        Health health = new QuietHealth();
        outbox = new OutboxStore(kernel.store, kernel.keys);
        TargetMonitor monitor = new TargetMonitor(outbox, routes, health, new QuietAlerts());
        RecentEvents recent = new RecentEvents(100_000);
        OutboxParticipant participant = new OutboxParticipant(outbox, kernel.journal, monitor, recent);
        intake = new IntakeCore(kernel.journal, kernel.idempotency, () -> Optional.of(routes), () -> List.of(participant));
        ServiceDirectory services = new ServiceDirectory();
        services.addCodec(new VisitCodec(), java.util.Map.of(ServiceDirectory.FORMAT, FORMAT));
        services.addTransport(new CountingTransport(delivered, onDelivered), java.util.Map.of(ServiceDirectory.TRANSPORT, TRANSPORT));
        dispatcher = DispatcherAssembly.start(outbox, kernel.journal, kernel.journal, new OneTarget(), routes, monitor, recent, health,
                services, new Dispatcher.Settings(4, 200, 120_000, 200, 5000, "bench"));
    }

    @Override
    public void close() {
        dispatcher.close();
        intake.close();
        kernel.close();
    }

    /** Encodes an admission as its visit number: enough for the transport to time it. */
    static final class VisitCodec implements Codec<byte[]> {
        @Override
        public WireFormat format() {
            return new WireFormat(FORMAT, "");
        }

        @Override
        public DecodeResult decode(byte[] wire, Envelope envelope, FieldTrail trail) {
            return DecodeResult.rejected("NOT_DECODABLE", "the benchmark codec only encodes");
        }

        @Override
        public byte[] encode(ClinicalEvent event, WireFormat target, FieldTrail trail) {
            return ((Admission) event).visit().visitNumber().value().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A downstream that acknowledges at once. */
    static final class CountingTransport implements OutboundTransport {
        private final AtomicLong delivered;
        private final Consumer<String> onDelivered;

        CountingTransport(AtomicLong delivered, Consumer<String> onDelivered) {
            this.delivered = delivered;
            this.onDelivered = onDelivered;
        }

        @Override
        public String transport() {
            return TRANSPORT;
        }

        @Override
        public DeliveryResult deliver(OutboundRequest request) {
            if (request.body() instanceof io.holdfast.api.message.Payload.Bytes b) {
                onDelivered.accept(new String(b.bytes(), StandardCharsets.UTF_8));
            }
            delivered.incrementAndGet();
            return new DeliveryResult.Acknowledged("AA", Optional.empty());
        }
    }

    /** The inventory: one system, {@code epr}. */
    static final class OneTarget implements Inventory {
        private final DownstreamSystem epr = new DownstreamSystem("epr", "EPR", Optional.empty(), "test", TRANSPORT,
                new WireFormat(FORMAT, ""), "noop://epr", AuthPattern.NONE, Optional.empty(), Optional.empty());

        @Override
        public Optional<DownstreamSystem> find(String id) {
            return "epr".equals(id) ? Optional.of(epr) : Optional.empty();
        }

        @Override
        public List<DownstreamSystem> all() {
            return List.of(epr);
        }

        @Override
        public DownstreamSystem save(DownstreamSystem system) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(String id) {
            return false;
        }
    }

    /** Alerts that keep nothing (a benchmark run has no operator to alert). */
    static final class QuietAlerts implements io.holdfast.api.kernel.Alerts {
        @Override
        public void raise(String key, io.holdfast.api.kernel.AlertSeverity severity, String source, String text) {
        }

        @Override
        public void clear(String key) {
        }

        @Override
        public List<io.holdfast.api.kernel.Alert> active() {
            return List.of();
        }
    }

    /** Health that keeps nothing (the benchmark reads its own counters). */
    static final class QuietHealth implements Health {
        @Override
        public void report(String component, HealthState state, String detail) {
        }

        @Override
        public void remove(String component) {
        }

        @Override
        public List<ComponentHealth> components() {
            return List.of();
        }

        @Override
        public HealthState overall() {
            return HealthState.UP;
        }
    }
}
