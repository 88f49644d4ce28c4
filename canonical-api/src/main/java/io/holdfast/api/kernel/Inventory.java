package io.holdfast.api.kernel;

import java.util.List;
import java.util.Optional;

/** The downstream systems Holdfast knows, stored in the kernel database. */
public interface Inventory {

    Optional<DownstreamSystem> find(String id);

    List<DownstreamSystem> all();

    /** Adds or replaces the entry with this id. */
    DownstreamSystem save(DownstreamSystem system);

    /** @return true if an entry was removed */
    boolean remove(String id);
}
