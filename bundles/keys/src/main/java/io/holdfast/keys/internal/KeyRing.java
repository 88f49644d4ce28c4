package io.holdfast.keys.internal;

import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.PurposeKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Immutable snapshot of the keys in the keystore. Readers use it without locks; a rotation
 * publishes a new snapshot. The current key of a purpose is its highest version.
 */
final class KeyRing {
    private final Map<KeyPurpose, NavigableMap<Integer, PurposeKey>> keys;

    private KeyRing(Map<KeyPurpose, NavigableMap<Integer, PurposeKey>> keys) {
        this.keys = keys;
    }

    static KeyRing of(Collection<PurposeKey> all) {
        Map<KeyPurpose, NavigableMap<Integer, PurposeKey>> byPurpose = new EnumMap<>(KeyPurpose.class);
        for (PurposeKey key : all) {
            byPurpose.computeIfAbsent(key.purpose(), p -> new TreeMap<>()).put(key.version(), key);
        }
        byPurpose.replaceAll((p, versions) -> Collections.unmodifiableNavigableMap(versions));
        return new KeyRing(byPurpose);
    }

    KeyRing with(PurposeKey key) {
        List<PurposeKey> all = new ArrayList<>(all());
        all.add(key);
        return of(all);
    }

    List<PurposeKey> all() {
        return keys.values().stream().flatMap(v -> v.values().stream()).collect(Collectors.toList());
    }

    Optional<PurposeKey> current(KeyPurpose purpose) {
        NavigableMap<Integer, PurposeKey> versions = keys.get(purpose);
        return versions == null ? Optional.empty() : Optional.of(versions.lastEntry().getValue());
    }

    Optional<PurposeKey> version(KeyPurpose purpose, int version) {
        NavigableMap<Integer, PurposeKey> versions = keys.get(purpose);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    List<Integer> versions(KeyPurpose purpose) {
        NavigableMap<Integer, PurposeKey> versions = keys.get(purpose);
        return versions == null ? List.of() : List.copyOf(versions.keySet());
    }

    Set<KeyPurpose> missingPurposes() {
        Set<KeyPurpose> missing = EnumSet.allOf(KeyPurpose.class);
        missing.removeAll(keys.keySet());
        return missing;
    }

    /** Versions only, for logs and health: {@code payload v1,v2 (current v2); ...}. */
    String describe() {
        return keys.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " v"
                        + e.getValue().keySet().stream().map(String::valueOf).collect(Collectors.joining(",v"))
                        + " (current v" + e.getValue().lastKey() + ")")
                .collect(Collectors.joining("; "));
    }
}
