package io.holdfast.testkit;

import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-process downstream for routing tests: it keeps every request the dispatcher sends it and
 * answers as scripted (by default an acknowledgement). Register it with
 * {@link TestKernelBuilder#transport(OutboundTransport)} and name its {@link #name()} as the
 * transport of an inventory system.
 */
public final class RecordingTransport implements OutboundTransport {
    /** One delivery attempt as the downstream saw it; the body is read once, in full. */
    public record Delivery(String requestId, int attempt, String target, byte[] body, Map<String, String> headers) {
        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    public static final Function<OutboundRequest, DeliveryResult> ACKNOWLEDGE =
            r -> new DeliveryResult.Acknowledged("AA", Optional.empty());

    private final String name;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile Function<OutboundRequest, DeliveryResult> answer = ACKNOWLEDGE;

    /** @param name the transport name inventory systems refer to (e.g. {@code TEST}) */
    public RecordingTransport(String name) {
        this.name = name;
    }

    /** Scripts the answer to every later attempt (e.g. a {@link DeliveryResult.Transient} to force retries). */
    public RecordingTransport answer(Function<OutboundRequest, DeliveryResult> script) {
        this.answer = script;
        return this;
    }

    public String name() {
        return name;
    }

    @Override
    public String transport() {
        return name;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        deliveries.add(new Delivery(request.requestId(), request.attempt(), request.target().id(), read(request.body()),
                request.headers()));
        return answer.apply(request);
    }

    /** Every attempt so far, in arrival order. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** The attempts made to one inventory system. */
    public List<Delivery> deliveriesTo(String systemId) {
        return deliveries.stream().filter(d -> d.target().equals(systemId)).toList();
    }

    private static byte[] read(Payload body) {
        if (body instanceof Payload.Bytes b) {
            return b.bytes();
        }
        try (InputStream in = body.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the outbound body", e);
        }
    }
}
