package io.holdfast.routing.internal.outbox;

import io.holdfast.api.event.ClinicalEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Canonical events Intake just routed, so the dispatcher usually need not read the payload back
 * and decode it again. Only an optimisation: on a miss (restart, eviction) the dispatcher
 * re-decodes the journaled payload. Entries are keyed by journal id and both digests, so an entry
 * left by a rolled-back batch can only ever stand for identical content.
 */
@Component(service = RecentEvents.class)
public class RecentEvents {
    static final int CAPACITY = 10_000;

    private final Map<String, ClinicalEvent> events;

    public RecentEvents() {
        this(CAPACITY);
    }

    /** A cache of {@code capacity} events (the component uses {@value #CAPACITY}; benchmarks more). */
    public RecentEvents(int capacity) {
        events = new LinkedHashMap<>(1024, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ClinicalEvent> eldest) {
                return size() > capacity;
            }
        };
    }

    public synchronized void put(long journalId, String keyDigest, String contentDigest, ClinicalEvent event) {
        events.put(key(journalId, keyDigest, contentDigest), event);
    }

    public synchronized Optional<ClinicalEvent> get(long journalId, String keyDigest, String contentDigest) {
        return Optional.ofNullable(events.get(key(journalId, keyDigest, contentDigest)));
    }

    private static String key(long journalId, String keyDigest, String contentDigest) {
        return journalId + "|" + keyDigest + "|" + contentDigest;
    }
}
