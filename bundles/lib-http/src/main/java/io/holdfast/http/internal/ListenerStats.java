package io.holdfast.http.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** Counters of one listener, shown by {@code holdfast:http-listeners}. */
public final class ListenerStats {
    final AtomicInteger open = new AtomicInteger();
    final LongAdder connectionsRefused = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder notFound = new LongAdder();
    final LongAdder tooLarge = new LongAdder();
    final LongAdder serverErrors = new LongAdder();
    final LongAdder busy = new LongAdder();

    /** A point-in-time copy. */
    public record Snapshot(int open, long connectionsRefused, long requests, long notFound, long tooLarge, long serverErrors, long busy) {
    }

    public Snapshot snapshot() {
        return new Snapshot(open.get(), connectionsRefused.sum(), requests.sum(), notFound.sum(), tooLarge.sum(), serverErrors.sum(), busy.sum());
    }
}
