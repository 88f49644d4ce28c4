package io.holdfast.api.kernel;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.util.List;
import java.util.Optional;

/**
 * The downstream systems Holdfast knows, stored in the kernel database. Every write validates the
 * whole entry and fails with a {@link HoldfastException} ({@code INVALID_CONFIGURATION}) that lists
 * each problem, so nothing invalid is ever stored.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Inventory {

    Optional<DownstreamSystem> find(String id);

    /** Every entry, ordered by id. */
    List<DownstreamSystem> all();

    /** Adds or replaces the entry with this id. */
    DownstreamSystem save(DownstreamSystem system);

    /** @return true if an entry was removed */
    boolean remove(String id);

    /**
     * Adds a new entry; fails with {@code INVALID_CONFIGURATION} if the id is taken. Implementations
     * override this to make the check atomic.
     */
    default DownstreamSystem add(DownstreamSystem system) {
        if (find(system.id()).isPresent()) {
            throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION,
                    "System '" + system.id() + "' already exists; nothing was changed. Use a new id or replace the entry");
        }
        return save(system);
    }

    /** The entry with this id, or {@code UNKNOWN_SYSTEM} naming it. */
    default DownstreamSystem require(String id) {
        return find(id).orElseThrow(() -> new HoldfastException(ErrorCode.UNKNOWN_SYSTEM,
                "Unknown system '" + id + "'; list the known ones with holdfast:systems"));
    }

    /**
     * Why {@code system}, as stored, cannot be used right now (one PHI-free sentence each), or empty when
     * it can. Every entry was valid when saved, but what is installed changes: e.g. no
     * {@link io.holdfast.api.spi.AuthProvider} is registered for its auth pattern (removed, or never
     * installed), which makes the entry valid again as soon as one is.
     */
    default List<String> problems(DownstreamSystem system) {
        return List.of();
    }

    /** The environments an entry (and a vault) may belong to, e.g. dev, test, int, live. */
    default List<String> environments() {
        return List.of("dev", "test", "int", "live");
    }
}
