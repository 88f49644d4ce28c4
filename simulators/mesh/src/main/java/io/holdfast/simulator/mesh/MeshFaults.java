package io.holdfast.simulator.mesh;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * Fault injection: the next {@code times} requests of an operation get a fault instead of (or
 * before) normal handling. Thread-safe.
 */
public final class MeshFaults {

    /** The operations faults can target. */
    public enum Operation { HANDSHAKE, INBOX, DOWNLOAD, ACKNOWLEDGE, SEND, SEND_CHUNK, TRACKING, ANY }

    /** What goes wrong. */
    public sealed interface Fault {
        /** Answer with this HTTP status (429 and 503 carry {@code Retry-After: 1}). */
        record Status(int code) implements Fault {
        }

        /** Answer normally after a delay. */
        record Slow(Duration delay) implements Fault {
        }

        /** Downloads: send the headers and half of the chunk, then close. Uploads: close before storing. */
        record DropMidBody() implements Fault {
        }

        /** Do the work (e.g. accept the message), then close the connection without answering. */
        record DropAfterCommit() implements Fault {
        }
    }

    private record Rule(Operation operation, Fault fault, int[] remaining) {
    }

    private final List<Rule> rules = new ArrayList<>();

    public synchronized MeshFaults inject(Operation operation, Fault fault, int times) {
        rules.add(new Rule(operation, fault, new int[] {times}));
        return this;
    }

    public MeshFaults inject(Operation operation, Fault fault) {
        return inject(operation, fault, 1);
    }

    public synchronized void clear() {
        rules.clear();
    }

    synchronized Optional<Fault> next(Operation operation) {
        for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
            Rule r = it.next();
            if (r.operation() == operation || r.operation() == Operation.ANY) {
                if (--r.remaining()[0] <= 0) {
                    it.remove();
                }
                return Optional.of(r.fault());
            }
        }
        return Optional.empty();
    }
}
