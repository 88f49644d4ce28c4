package io.holdfast.simulator.ers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Fault injection for the next requests, optionally only those whose path contains a fragment (e.g.
 * {@code "$ers.acceptReferral"} or a UBRN). A failure either replaces the request (nothing applied) or, with
 * {@code afterCommit}, replaces only the answer: the operation is applied and its real answer remembered for its
 * X-Request-ID, then the client gets the failure — the lost response of a gateway time-out
 * (GatewayTimeout.yaml: "retry at a later time"). Faults are taken in the order they were armed.
 */
public final class ErsFaults {
    private final List<Armed> armed = new ArrayList<>();

    /** One kind of fault, armed for {@code remaining} matching requests. */
    private static final class Armed {
        private final Fault fault;
        private int remaining;

        Armed(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    /**
     * What happens to a matching request: answered {@code status} (with {@code Retry-After} seconds when given) before
     * or after being applied, or after {@code delay}, or its connection reset.
     */
    public record Fault(Optional<String> pathContains, int status, OptionalInt retryAfterSeconds, boolean afterCommit, Duration delay,
                        boolean reset) {
        public Fault {
            Objects.requireNonNull(pathContains);
            Objects.requireNonNull(retryAfterSeconds);
            Objects.requireNonNull(delay);
            if (status != 0 && (status < 400 || status > 599)) {
                throw new IllegalArgumentException("fault status must be 4xx or 5xx: " + status);
            }
        }

        boolean matches(String path) {
            return pathContains.map(path::contains).orElse(true);
        }
    }

    /** The next {@code count} requests are answered {@code status} without being applied (e.g. 500, 503, 429). */
    public ErsFaults failNextRequests(int count, int status) {
        return failNextRequests(count, status, OptionalInt.empty());
    }

    public ErsFaults failNextRequests(int count, int status, OptionalInt retryAfterSeconds) {
        return arm(count, new Fault(Optional.empty(), status, retryAfterSeconds, false, Duration.ZERO, false));
    }

    /** The next {@code count} requests are applied, then answered {@code status} (504: the lost response). */
    public ErsFaults failNextRequestsAfterCommit(int count, int status) {
        return arm(count, new Fault(Optional.empty(), status, OptionalInt.empty(), true, Duration.ZERO, false));
    }

    /** As the calls above, for the next {@code count} requests whose path contains {@code pathContains} only. */
    public ErsFaults failMatching(String pathContains, int count, int status, OptionalInt retryAfterSeconds, boolean afterCommit) {
        return arm(count, new Fault(Optional.of(pathContains), status, retryAfterSeconds, afterCommit, Duration.ZERO, false));
    }

    /** The next {@code count} requests are answered normally, only after {@code delay} (client time-outs). */
    public ErsFaults delayNextRequests(int count, Duration delay) {
        return arm(count, new Fault(Optional.empty(), 0, OptionalInt.empty(), false, delay, false));
    }

    /** The next {@code count} requests get a TCP reset and no answer (nothing applied). */
    public ErsFaults resetNextConnections(int count) {
        return arm(count, new Fault(Optional.empty(), 0, OptionalInt.empty(), false, Duration.ZERO, true));
    }

    /** Arms {@code fault} for the next {@code count} matching requests. */
    public synchronized ErsFaults arm(int count, Fault fault) {
        if (count < 1) {
            throw new IllegalArgumentException("fault count must be 1 or more: " + count);
        }
        armed.add(new Armed(fault, count));
        return this;
    }

    public synchronized void clear() {
        armed.clear();
    }

    /** Requests still to be hit by armed faults, summed over all of them. */
    public synchronized int pending() {
        return armed.stream().mapToInt(a -> a.remaining).sum();
    }

    /** Takes the first armed fault matching {@code path}, if any. */
    synchronized Optional<Fault> take(String path) {
        for (Iterator<Armed> it = armed.iterator(); it.hasNext(); ) {
            Armed a = it.next();
            if (a.fault.matches(path)) {
                if (--a.remaining == 0) {
                    it.remove();
                }
                return Optional.of(a.fault);
            }
        }
        return Optional.empty();
    }
}
