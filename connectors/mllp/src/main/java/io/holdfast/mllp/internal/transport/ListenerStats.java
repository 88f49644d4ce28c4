package io.holdfast.mllp.internal.transport;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one listener, read by {@code holdfast:mllp-listeners} (no PHI, only counts). */
public final class ListenerStats {
    final AtomicLong connectionsOpen = new AtomicLong();
    final AtomicLong connectionsTotal = new AtomicLong();
    final AtomicLong frames = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final AtomicLong oversized = new AtomicLong();
    final AtomicLong incomplete = new AtomicLong();
    final AtomicLong discardedBytes = new AtomicLong();
    final AtomicLong connectionsRefused = new AtomicLong();

    /** An immutable copy. */
    public Snapshot snapshot() {
        return new Snapshot(connectionsOpen.get(), connectionsTotal.get(), frames.get(), accepted.get(), duplicates.get(),
                rejected.get(), refused.get(), oversized.get(), incomplete.get(), discardedBytes.get(), connectionsRefused.get());
    }

    /**
     * @param accepted   ACKed positively (including duplicates and unmapped types)
     * @param rejected   ACKed AR/CR (malformed, invalid NHS number, oversized)
     * @param refused    ACKed AE/CE because Intake refused (nothing stored)
     * @param incomplete frames abandoned mid-way (journaled, no ACK possible)
     * @param connectionsRefused connections closed on accept: peer outside {@code allowFrom} or over a connection limit
     */
    public record Snapshot(long connectionsOpen, long connectionsTotal, long frames, long accepted, long duplicates, long rejected,
                           long refused, long oversized, long incomplete, long discardedBytes, long connectionsRefused) {
    }
}
