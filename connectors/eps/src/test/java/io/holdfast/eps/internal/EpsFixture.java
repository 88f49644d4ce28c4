package io.holdfast.eps.internal;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.kernel.Alerts;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Journal;
import io.holdfast.api.message.DecodeResult;
import io.holdfast.api.message.Envelope;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.eps.internal.codec.EpsCodec;
import io.holdfast.eps.internal.config.EpsSettings;
import io.holdfast.eps.internal.outbox.EpsTransport;
import io.holdfast.eps.internal.transport.EpsHttp;
import io.holdfast.testkit.TestKernel;
import io.holdfast.testkit.TestRoute;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The EPS route target on the real kernel (production's require-route mode, embedded Derby in the test's folder), two
 * inventory entries with transport EPS at the given endpoint: {@value #SIGNED} (format OPAQUE: signed prescriber
 * messages passed through byte for byte) fed by route {@code to-eps} from source {@value #PRESCRIBER}, and
 * {@value #SYSTEM} (format EPS:R4: canonical events encoded by the EPS codec) fed by route {@code to-eps-fhir} from
 * source {@value #SOURCE}. Started again on the same folder it is the same node after a restart.
 */
public final class EpsFixture implements AutoCloseable {
    public static final String SYSTEM = "eps";
    public static final String SOURCE = "epr";
    public static final String SIGNED = "eps-signed";
    public static final String PRESCRIBER = "prescriber";
    public final TestKernel kernel;
    public final EpsCodec codec = new EpsCodec(() -> Optional.of(Samples.ODS));

    private EpsFixture(Path dir, String endpoint, TestRoute route) {
        AtomicReference<TestKernel> late = new AtomicReference<>();
        // the transport is registered before the kernel starts; its journal and alerts exist only after
        Journal journal = lateBound(Journal.class, () -> late.get().journal());
        Alerts alerts = lateBound(Alerts.class, () -> late.get().alerts());
        EpsTransport transport = new EpsTransport(new EpsHttp(EpsSettings.defaults(SYSTEM).withTimeout(Duration.ofSeconds(5))), journal, alerts,
                r -> { });
        kernel = TestKernel.builder(dir).codec(codec).transport(transport)
                .system(new DownstreamSystem(SYSTEM, "EPS", Optional.empty(), "test", EpsTransport.TRANSPORT, EpsCodec.FORMAT, endpoint,
                        AuthPattern.NONE, Optional.empty(), Optional.empty()))
                .system(new DownstreamSystem(SIGNED, "EPS (signed pass-through)", Optional.empty(), "test", EpsTransport.TRANSPORT,
                        io.holdfast.api.message.WireFormat.opaque(), endpoint, AuthPattern.NONE, Optional.empty(), Optional.empty()))
                .route(route).route(TestRoute.named("to-eps-fhir").sources(SOURCE).to(SYSTEM).retry(5, 20, 100)).start();
        late.set(kernel);
    }

    public static EpsFixture start(Path dir, String endpoint) {
        return start(dir, endpoint, signedRoute(20, 100));
    }

    /** Route {@code to-eps}: the prescriber's signed messages to {@value #SIGNED}, retried 5 times from {@code firstMs}. */
    public static TestRoute signedRoute(long firstMs, long longestMs) {
        return TestRoute.named("to-eps").sources(PRESCRIBER).to(SIGNED).retry(5, firstMs, longestMs);
    }

    public static EpsFixture start(Path dir, String endpoint, TestRoute route) {
        return new EpsFixture(dir, endpoint, route);
    }

    /** An inbound FHIR message from the EPR carrying {@code event} (unsigned), accepted (journaled, routed) before this returns. */
    public void receive(String messageId, ClinicalEvent event) throws Exception {
        receive(messageId, SOURCE, codec.encode(event, EpsCodec.FORMAT, new FieldTrail()));
    }

    /** An inbound FHIR message {@code bytes} from {@code source}, accepted (journaled, routed) before this returns. */
    public void receive(String messageId, String source, byte[] bytes) throws Exception {
        Envelope env = Envelope.of(messageId, source, "fhir:" + source, EpsCodec.FORMAT);
        FieldTrail trail = new FieldTrail();
        DecodeResult decoded = codec.decode(bytes, env, trail);
        kernel.intake().accept(env, Payload.of(bytes), decoded, trail).toCompletableFuture().get();
    }

    @SuppressWarnings("unchecked")
    private static <T> T lateBound(Class<T> type, java.util.function.Supplier<T> target) {
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
