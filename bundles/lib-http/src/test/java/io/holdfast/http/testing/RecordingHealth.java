package io.holdfast.http.testing;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the last report per component, as the kernel's Health does. */
public final class RecordingHealth implements Health {
    private final Map<String, ComponentHealth> last = new ConcurrentHashMap<>();

    @Override
    public void report(String component, HealthState state, String detail) {
        last.put(component, new ComponentHealth(component, state, detail, Instant.now()));
    }

    @Override
    public void remove(String component) {
        last.remove(component);
    }

    @Override
    public List<ComponentHealth> components() {
        return List.copyOf(last.values());
    }

    @Override
    public HealthState overall() {
        return last.values().stream().map(ComponentHealth::state).max(Enum::compareTo).orElse(HealthState.UP);
    }

    public ComponentHealth get(String component) {
        return last.get(component);
    }
}
