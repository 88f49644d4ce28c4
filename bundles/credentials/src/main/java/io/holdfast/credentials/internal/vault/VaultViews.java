package io.holdfast.credentials.internal.vault;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.credentials.api.CertificateFacts;
import io.holdfast.credentials.api.EntryVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds {@link EntryVersion} views: the state of each version at a given instant, systems, certificates. */
final class VaultViews {
    private final Inventory inventory;

    VaultViews(Inventory inventory) {
        this.inventory = inventory;
    }

    List<EntryVersion> views(List<VersionRow> rows, Map<VersionKey, List<CertificateFacts>> certs, Instant now) {
        Map<String, List<String>> systems = systemsByEntry();
        Map<SlotKey, List<VersionRow>> bySlot = new LinkedHashMap<>();
        for (VersionRow row : rows) {
            bySlot.computeIfAbsent(row.key().slot(), s -> new ArrayList<>()).add(row);
        }
        List<EntryVersion> result = new ArrayList<>();
        for (Map.Entry<SlotKey, List<VersionRow>> slot : bySlot.entrySet()) {
            Optional<VersionRow> active = activeAt(slot.getValue(), now);
            for (VersionRow row : slot.getValue()) {
                result.add(view(row, state(row, active, now), systems.getOrDefault(entryKey(row.key().slot()), List.of()),
                        certs.getOrDefault(row.key(), List.of())));
            }
        }
        return result;
    }

    static Optional<VersionRow> activeAt(List<VersionRow> rows, Instant now) {
        return rows.stream().filter(r -> r.activateAt().isPresent() && !r.activateAt().get().isAfter(now))
                .max(Comparator.<VersionRow, Instant>comparing(r -> r.activateAt().get()).thenComparingInt(r -> r.key().version()));
    }

    private static EntryVersion.State state(VersionRow row, Optional<VersionRow> active, Instant now) {
        if (row.activateAt().isEmpty()) {
            return EntryVersion.State.PENDING;
        }
        if (row.activateAt().get().isAfter(now)) {
            return EntryVersion.State.SCHEDULED;
        }
        return active.filter(a -> a.key().equals(row.key())).isPresent() ? EntryVersion.State.ACTIVE : EntryVersion.State.SUPERSEDED;
    }

    static CredentialIdentity identity(VersionRow row) {
        return new CredentialIdentity(row.key().slot().entryId(), row.key().version(), row.fingerprint(), row.keyId());
    }

    private static EntryVersion view(VersionRow row, EntryVersion.State state, List<String> systems, List<CertificateFacts> certs) {
        SlotKey slot = row.key().slot();
        return new EntryVersion(slot.environment(), slot.entryId(), slot.kind(), row.key().version(), state, row.activateAt(),
                row.importedAt(), identity(row), systems, certs);
    }

    private Map<String, List<String>> systemsByEntry() {
        Map<String, List<String>> result = new HashMap<>();
        for (DownstreamSystem s : inventory.all()) {
            s.credentialRef().ifPresent(ref -> result.computeIfAbsent(s.environment() + "/" + ref, k -> new ArrayList<>()).add(s.id()));
        }
        return result;
    }

    private static String entryKey(SlotKey slot) {
        return slot.environment() + "/" + slot.entryId();
    }
}
