package io.holdfast.mllp.internal.transport;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Publishes a listener's counters on the kernel's MeterRegistry ({@code holdfast.mllp.*}, tag {@code listener}). */
public final class ListenerMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    public ListenerMeters(MeterRegistry registry, String listener, ListenerView view) {
        this.registry = registry;
        ListenerStats s = view instanceof MllpListener l ? l.rawStats() : new ListenerStats();
        counter("holdfast.mllp.frames", "frames read", listener, s.frames);
        counter("holdfast.mllp.accepted", "frames ACKed positively after commit", listener, s.accepted);
        counter("holdfast.mllp.duplicates", "sender retries ACKed without routing", listener, s.duplicates);
        counter("holdfast.mllp.rejected", "frames ACKed AR/CR after journaling", listener, s.rejected);
        counter("holdfast.mllp.refused", "frames ACKed AE/CE because Intake refused", listener, s.refused);
        counter("holdfast.mllp.oversized", "frames over maxFrameBytes", listener, s.oversized);
        counter("holdfast.mllp.incomplete", "frames abandoned mid-way (journaled)", listener, s.incomplete);
        counter("holdfast.mllp.discarded.bytes", "bytes outside any frame", listener, s.discardedBytes);
        counter("holdfast.mllp.connections.refused", "connections closed on accept (allowFrom, maxConnections, maxConnectionsPerPeer)",
                listener, s.connectionsRefused);
        meters.add(Gauge.builder("holdfast.mllp.connections", s.connectionsOpen, AtomicLong::get).description("open connections")
                .tag("listener", listener).register(registry));
    }

    private void counter(String name, String description, String listener, AtomicLong value) {
        meters.add(FunctionCounter.builder(name, value, AtomicLong::get).description(description).tag("listener", listener)
                .register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
