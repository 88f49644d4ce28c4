package io.holdfast.simulator.pds;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fault injection for the next requests (any endpoint, after nothing else has been checked): fail
 * with a status (an OperationOutcome in the API's shape, optionally with {@code Retry-After}), answer
 * only after a delay, or reset the connection without answering.
 */
public final class PdsFaults {
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<Failure> failure = new AtomicReference<>();
    private final AtomicInteger delays = new AtomicInteger();
    private final AtomicReference<Duration> delay = new AtomicReference<>(Duration.ZERO);
    private final AtomicInteger resets = new AtomicInteger();

    /**
     * A status to answer with, the {@code Retry-After} seconds to send (none when empty), and whether the
     * request is processed first (its effect kept, its answer remembered for a resend) and only the answer lost.
     */
    record Failure(int status, OptionalInt retryAfterSeconds, boolean afterProcessing) {
    }

    /** The next {@code count} requests get {@code status} (e.g. 503 SERVICE_UNAVAILABLE, 408, 500). */
    public PdsFaults failNextRequests(int count, int status) {
        return failNextRequests(count, status, OptionalInt.empty());
    }

    /** As {@link #failNextRequests(int, int)}, with a {@code Retry-After} header (seconds). */
    public PdsFaults failNextRequests(int count, int status, OptionalInt retryAfterSeconds) {
        return fail(count, new Failure(status, retryAfterSeconds, false));
    }

    /**
     * The next {@code count} requests are processed (an update takes effect) but answered with {@code status}:
     * the time-out after the fact of patient-patch.yaml's 503 ("does not imply the request has failed"). A
     * resend with the same {@code X-Request-ID} then gets the remembered answer, not a second update.
     */
    public PdsFaults failNextRequestsAfterProcessing(int count, int status, OptionalInt retryAfterSeconds) {
        return fail(count, new Failure(status, retryAfterSeconds, true));
    }

    private PdsFaults fail(int count, Failure next) {
        if (next.status() < 400 || next.status() > 599) {
            throw new IllegalArgumentException("fault status must be 4xx or 5xx: " + next.status());
        }
        failure.set(next);
        failures.set(count);
        return this;
    }

    /** The next {@code count} requests are answered normally, but only after {@code delay}. */
    public PdsFaults delayNextRequests(int count, Duration delay) {
        this.delay.set(delay);
        delays.set(count);
        return this;
    }

    /** The next {@code count} requests get their connection reset and no response. */
    public PdsFaults resetNextConnections(int count) {
        resets.set(count);
        return this;
    }

    public void clear() {
        failures.set(0);
        delays.set(0);
        resets.set(0);
    }

    boolean takeReset() {
        return take(resets);
    }

    Optional<Failure> takeFailure() {
        return take(failures) ? Optional.ofNullable(failure.get()) : Optional.empty();
    }

    Duration takeDelay() {
        return take(delays) ? delay.get() : Duration.ZERO;
    }

    private static boolean take(AtomicInteger remaining) {
        return remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
