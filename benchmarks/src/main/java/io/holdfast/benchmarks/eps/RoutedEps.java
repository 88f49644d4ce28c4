package io.holdfast.benchmarks.eps;

import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Intake;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.benchmarks.kernel.HoldfastKernel;
import io.holdfast.eps.internal.codec.EpsCodec;
import io.holdfast.eps.internal.config.EpsSettings;
import io.holdfast.eps.internal.outbox.EpsTransport;
import io.holdfast.eps.internal.transport.EpsHttp;
import io.holdfast.testkit.DispatchSettings;
import io.holdfast.testkit.OutboxEntry;
import io.holdfast.testkit.TestRoute;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The real kernel ({@link HoldfastKernel}: shipped journal settings, real keystore, Derby on disk) with the EPS
 * connector's route target for prescriber-signed orders as connectors/eps/README.md ("Sending prescriptions through the
 * outbox") sets it up: inventory system {@value #SYSTEM} (transport EPS, format OPAQUE so the signed bytes pass
 * unchanged, the simulator's FHIR base), the connector's {@link EpsCodec} decoding the inbound message and its
 * {@link EpsTransport}, route {@code to-eps} from source {@value #SOURCE}, the dispatcher's shipped settings. An accepted
 * FHIR message from the EPR becomes an outbox row that the transport POSTs to {@code $process-message} with the row's
 * stable X-Request-ID.
 */
final class RoutedEps implements AutoCloseable {
    static final String SYSTEM = "eps-signed";
    static final String SOURCE = "epr";
    private final HoldfastKernel kernel;

    RoutedEps(Path dir, String fhirBase) {
        AtomicReference<HoldfastKernel> late = new AtomicReference<>();
        // the transport is built before the kernel starts; the journal and alerts it uses exist only after
        Journal journal = lateBound(Journal.class, () -> late.get().kernel().journal());
        Alerts alerts = lateBound(Alerts.class, () -> late.get().kernel().alerts());
        EpsTransport transport = new EpsTransport(new EpsHttp(EpsSettings.defaults(SYSTEM).withTimeout(Duration.ofSeconds(30))), journal, alerts,
                r -> { });
        kernel = HoldfastKernel.start(dir, b -> b.codec(EpsWorkload.CODEC).transport(transport)
                .system(new DownstreamSystem(SYSTEM, "EPS signed", Optional.empty(), "test", EpsTransport.TRANSPORT, WireFormat.opaque(), fhirBase,
                        AuthPattern.NONE, Optional.empty(), Optional.empty()))
                .route(TestRoute.named("to-eps").sources(SOURCE).to(SYSTEM).retry(20, 100, 2_000).outboxDepthLimit(1_000_000))
                .dispatch(dispatchSettings())
                .recentEventsCapacity(100_000));
        late.set(kernel);
    }

    /**
     * The shipped dispatcher settings; {@code -Dbench.eps.dispatchThreads=N} changes only the number of delivery threads
     * (to show how far per-delivery latency, not CPU, bounds the rate).
     */
    static DispatchSettings dispatchSettings() {
        DispatchSettings shipped = DispatchSettings.SHIPPED;
        int threads = Integer.getInteger("bench.eps.dispatchThreads", shipped.threads());
        return new DispatchSettings(threads, shipped.pollIntervalMs(), shipped.leaseMs(), Math.max(shipped.batchSize(), threads * 4),
                shipped.waitRetryMs(), shipped.nodeId());
    }

    /** Accepts one inbound message (decoded by the EPS codec) and returns once it is durable and routed. */
    void accept(String messageId, byte[] message) throws Exception {
        Intake intake = kernel.intake();
        Envelope env = Envelope.of(messageId, SOURCE, "fhir:" + SOURCE, EpsCodec.FORMAT);
        FieldTrail trail = new FieldTrail();
        DecodeResult decoded = EpsWorkload.CODEC.decode(message, env, trail);
        intake.accept(env, Payload.of(message), decoded, trail).toCompletableFuture().get();
    }

    /** Journal-writer transactions so far. */
    long commits() {
        return kernel.counters().commits();
    }

    /** Outbox rows of the EPS target not yet DONE. */
    long open() {
        return kernel.counters().openOutboxDepths().getOrDefault(SYSTEM, 0L);
    }

    List<OutboxEntry> outbox() {
        return kernel.kernel().outbox(SYSTEM);
    }

    @SuppressWarnings("unchecked")
    private static <T> T lateBound(Class<T> type, Supplier<T> target) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return method.invoke(target.get(), args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    @Override
    public void close() {
        kernel.close();
    }
}
