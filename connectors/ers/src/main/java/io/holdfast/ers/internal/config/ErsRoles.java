package io.holdfast.ers.internal.config;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The validated role settings per inventory system, as the factory configurations come and go. */
public final class ErsRoles {
    private final Map<String, ErsRole> bySystem = new ConcurrentHashMap<>();

    public void put(ErsRole role) {
        bySystem.put(role.systemId(), role);
    }

    public void remove(ErsRole role) {
        bySystem.remove(role.systemId(), role);
    }

    public Optional<ErsRole> find(String systemId) {
        return Optional.ofNullable(bySystem.get(systemId));
    }
}
