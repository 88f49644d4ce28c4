package io.holdfast.pds.internal.cache;

import io.holdfast.api.model.NhsNumber;
import io.holdfast.pds.PdsRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The IG-safe cache of retrieved records: off unless a TTL is configured; holds unrestricted records only (a restricted
 * one offered is refused, and drops any earlier copy); keyed by environment and NHS number, so an int record never
 * answers a live question; bounded, least recently used dropped first; an entry is dropped when the patient is updated
 * or found superseded. In memory only: nothing about a patient reaches a disk through it.
 */
public final class PatientCache {
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final LinkedHashMap<String, Held> entries;

    private record Held(PdsRecord record, Instant expires) {
    }

    public PatientCache(Duration ttl, int maxEntries, Clock clock) {
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Held> eldest) {
                return size() > PatientCache.this.maxEntries;
            }
        };
    }

    public boolean enabled() {
        return !ttl.isZero();
    }

    public synchronized Optional<PdsRecord> get(String environment, NhsNumber nhs) {
        if (!enabled()) {
            return Optional.empty();
        }
        String key = key(environment, nhs);
        Held held = entries.get(key);
        if (held == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(held.expires())) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(held.record());
    }

    /** Keeps {@code record} under {@code nhs} if caching is on and the record is unrestricted; returns whether it did. */
    public synchronized boolean put(String environment, NhsNumber nhs, PdsRecord record) {
        if (!enabled() || record.restricted()) {
            entries.remove(key(environment, nhs));
            return false;
        }
        entries.put(key(environment, nhs), new Held(record, clock.instant().plus(ttl)));
        return true;
    }

    public synchronized void invalidate(String environment, NhsNumber nhs) {
        entries.remove(key(environment, nhs));
    }

    public synchronized int size() {
        return entries.size();
    }

    /** True if any entry's record is restricted (tests prove it never is). */
    public synchronized boolean holdsRestricted() {
        return entries.values().stream().anyMatch(h -> h.record().restricted());
    }

    private static String key(String environment, NhsNumber nhs) {
        return environment + '|' + nhs.value();
    }
}
