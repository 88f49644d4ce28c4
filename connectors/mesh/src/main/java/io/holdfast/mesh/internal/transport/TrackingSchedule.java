package io.holdfast.mesh.internal.transport;

import io.holdfast.api.spi.DeliveryResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When MESH tracking may next be asked about a sent message. The dispatcher re-checks an open row
 * often (about once a second); MESH is not meant to be polled like that, so each message is asked
 * first {@code initial} after it was accepted, then at doubling intervals up to {@code ceiling};
 * between those times the last answer is given again without a call. Bounded: the oldest entries
 * are forgotten first (a forgotten message is simply asked at once).
 */
public final class TrackingSchedule {
    static final int MAX_TRACKED = 100_000;
    private final Duration initial;
    private final Duration ceiling;
    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_TRACKED;
        }
    };

    private record Entry(Instant next, Duration interval, DeliveryResult last) {
    }

    public TrackingSchedule(Duration initial, Duration ceiling, Clock clock) {
        this.initial = initial;
        this.ceiling = ceiling;
        this.clock = clock;
    }

    /** A message MESH just accepted: its first tracking call waits {@code initial}. */
    public synchronized void accepted(String messageId, DeliveryResult.Accepted result) {
        entries.put(messageId, new Entry(clock.instant().plus(initial), initial, result));
    }

    /** The last answer, if tracking should not be asked yet. */
    public synchronized Optional<DeliveryResult> notYet(String messageId) {
        Entry e = entries.get(messageId);
        return e != null && clock.instant().isBefore(e.next()) ? Optional.of(e.last()) : Optional.empty();
    }

    /**
     * Records tracking's answer: still open doubles the interval (up to the ceiling); a failed call
     * waits the same interval again; a final answer forgets the message.
     */
    public synchronized void answered(String messageId, DeliveryResult result) {
        Entry e = entries.get(messageId);
        if (result instanceof DeliveryResult.Transient) {
            if (e != null) {
                entries.put(messageId, new Entry(clock.instant().plus(e.interval()), e.interval(), e.last()));
            }
            return;
        }
        if (!(result instanceof DeliveryResult.Accepted)) {
            entries.remove(messageId);
            return;
        }
        Duration interval = e == null ? initial : min(e.interval().multipliedBy(2), ceiling);
        entries.put(messageId, new Entry(clock.instant().plus(interval), interval, result));
    }

    /** The interval before the next call, for the shell and tests. */
    public synchronized Optional<Duration> interval(String messageId) {
        return Optional.ofNullable(entries.get(messageId)).map(Entry::interval);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
