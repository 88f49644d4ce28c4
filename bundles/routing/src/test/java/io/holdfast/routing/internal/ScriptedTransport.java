package io.holdfast.routing.internal;

import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-process downstream that fails in scripted ways. Like a real idempotent API it applies the
 * effect of a request id only once, so tests can count effects per (key, digest).
 */
public final class ScriptedTransport implements OutboundTransport {
    public static final String NAME = "SCRIPTED";

    /** One call as the downstream saw it. */
    public record Call(String requestId, int attempt, String body, String target, Map<String, String> headers) {
    }

    /** What the downstream does with a call, given how many calls with that request id it has seen (1-based). */
    @FunctionalInterface
    public interface Behaviour {
        DeliveryResult answer(OutboundRequest request, int callNumber, String body) throws InterruptedException;
    }

    public static final Behaviour ACK = (r, n, b) -> new DeliveryResult.Acknowledged("AA", Optional.empty());

    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> effects = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perRequest = new ConcurrentHashMap<>();
    private volatile Behaviour behaviour = ACK;
    private volatile Function<OutboundRequest, DeliveryResult> tracker =
            r -> new DeliveryResult.Acknowledged("tracked", Optional.empty());

    public ScriptedTransport behave(Behaviour b) {
        this.behaviour = b;
        return this;
    }

    public ScriptedTransport track(Function<OutboundRequest, DeliveryResult> t) {
        this.tracker = t;
        return this;
    }

    /** Transient failures ("timeout") for the first {@code failures} calls of each request id, then success. */
    public static Behaviour succeedAfter(int failures) {
        return (r, n, b) -> n <= failures ? new DeliveryResult.Transient("timeout after 5000 ms", Optional.empty()) : ACK.answer(r, n, b);
    }

    public static Behaviour slow(long ms) {
        return (r, n, b) -> {
            Thread.sleep(ms);
            return ACK.answer(r, n, b);
        };
    }

    @Override
    public String transport() {
        return NAME;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        String body = text(request.body());
        calls.add(new Call(request.requestId(), request.attempt(), body, request.target().id(), request.headers()));
        int n = perRequest.computeIfAbsent(request.requestId(), k -> new AtomicInteger()).incrementAndGet();
        try {
            DeliveryResult result = behaviour.answer(request, n, body);
            if (result instanceof DeliveryResult.Acknowledged || result instanceof DeliveryResult.Accepted) {
                apply(request.requestId(), body);
            }
            return result;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Transient("interrupted", Optional.of(Duration.ZERO));
        }
    }

    @Override
    public DeliveryResult track(OutboundRequest request, String trackingId) {
        return tracker.apply(request);
    }

    /** Applies a request's effect the way an idempotent downstream would: once per request id. */
    public synchronized void apply(String requestId, String body) {
        if (!effects.contains(requestId + " " + body)) {
            effects.add(requestId + " " + body);
        }
    }

    public List<Call> calls() {
        return new ArrayList<>(calls);
    }

    /** Effects applied, in order: {@code requestId body}. */
    public List<String> effects() {
        return new ArrayList<>(effects);
    }

    private static String text(Payload p) {
        try (var in = p.open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
