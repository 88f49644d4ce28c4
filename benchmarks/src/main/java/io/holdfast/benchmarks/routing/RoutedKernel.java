package io.holdfast.benchmarks.routing;

import io.holdfast.api.event.Admission;
import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.Codec;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import io.holdfast.benchmarks.kernel.HoldfastKernel;
import io.holdfast.testkit.DispatchSettings;
import io.holdfast.testkit.KernelCounters;
import io.holdfast.testkit.TestRoute;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The real kernel ({@link HoldfastKernel}) with routing wired in as its components would: an
 * ordered route of every admission to one target {@code epr}, whose transport does nothing but
 * count (and report the visit number it delivered), with the dispatcher's shipped defaults and a
 * recent-events cache deep enough for the backlog a throughput run builds.
 */
final class RoutedKernel implements AutoCloseable {
    static final String FORMAT = "BENCH";
    static final String TRANSPORT = "NOOP";

    final AtomicLong delivered = new AtomicLong();
    private final HoldfastKernel kernel;

    RoutedKernel(Path dir, Consumer<String> onDelivered) {
        kernel = HoldfastKernel.start(dir, b -> b
                .codec(new VisitCodec())
                .transport(new CountingTransport(delivered, onDelivered))
                .system("epr", TRANSPORT, new WireFormat(FORMAT, ""))
                .route(TestRoute.named("adt-to-epr").to("epr").ordered(true).retry(10, 1000, 300_000).outboxDepthLimit(1_000_000))
                .dispatch(new DispatchSettings(4, 200, 120_000, 200, 5000, "bench"))
                .recentEventsCapacity(100_000));
    }

    Intake intake() {
        return kernel.intake();
    }

    KernelCounters counters() {
        return kernel.counters();
    }

    @Override
    public void close() {
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
}
