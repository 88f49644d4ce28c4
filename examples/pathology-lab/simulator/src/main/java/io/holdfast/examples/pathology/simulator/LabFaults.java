package io.holdfast.examples.pathology.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Fault injection: the next results requests are answered with an error instead of data (after the
 * API key check, as the lab's gateway does). Thread-safe.
 */
public final class LabFaults {
    /** An injected answer: HTTP status and, for 429/503, a Retry-After in seconds (negative = none). */
    public record Fault(int status, int retryAfterSeconds) {
    }

    private final Deque<Fault> queued = new ArrayDeque<>();

    /** The next {@code count} requests get {@code status} (e.g. 500, 503). */
    public synchronized void failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            queued.add(new Fault(status, -1));
        }
    }

    /** The next {@code count} requests get 429 Too Many Requests with Retry-After {@code seconds}. */
    public synchronized void throttleNext(int count, int retryAfterSeconds) {
        for (int i = 0; i < count; i++) {
            queued.add(new Fault(429, retryAfterSeconds));
        }
    }

    synchronized Optional<Fault> take() {
        return Optional.ofNullable(queued.poll());
    }

    public synchronized void clear() {
        queued.clear();
    }
}
