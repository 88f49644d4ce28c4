package io.holdfast.routing.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.Inventory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An in-memory inventory (the real one is tested in bundles/inventory). */
public final class MapInventory implements Inventory {
    private final Map<String, DownstreamSystem> systems = new ConcurrentSkipListMap<>();
    private final Map<String, List<String>> problems = new ConcurrentSkipListMap<>();

    /** Reports {@code id} invalid with these problems (none: valid again), as the real inventory does when a provider goes. */
    public void problems(String id, String... reasons) {
        problems.put(id, List.of(reasons));
    }

    @Override
    public List<String> problems(DownstreamSystem system) {
        return problems.getOrDefault(system.id(), List.of());
    }

    @Override
    public Optional<DownstreamSystem> find(String id) {
        return Optional.ofNullable(systems.get(id));
    }

    @Override
    public List<DownstreamSystem> all() {
        return new ArrayList<>(systems.values());
    }

    @Override
    public DownstreamSystem save(DownstreamSystem system) {
        systems.put(system.id(), system);
        return system;
    }

    @Override
    public boolean remove(String id) {
        return systems.remove(id) != null;
    }
}
