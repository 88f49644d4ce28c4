package io.holdfast.keys.internal;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Records reports the way the kernel Health service would; enough for plain-JVM component tests. */
public final class InMemoryHealth implements Health {
    private final Map<String, ComponentHealth> components = new ConcurrentHashMap<>();

    @Override
    public void report(String component, HealthState state, String detail) {
        components.put(component, new ComponentHealth(component, state, detail, Instant.now()));
    }

    @Override
    public void remove(String component) {
        components.remove(component);
    }

    @Override
    public List<ComponentHealth> components() {
        return List.copyOf(components.values());
    }

    @Override
    public HealthState overall() {
        return components.values().stream().map(ComponentHealth::state).max(Enum::compareTo).orElse(HealthState.UP);
    }

    public ComponentHealth get(String component) {
        return components.get(component);
    }
}
