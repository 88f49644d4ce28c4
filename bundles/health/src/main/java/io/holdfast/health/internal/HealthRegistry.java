package io.holdfast.health.internal;

import io.holdfast.api.kernel.ComponentHealth;
import io.holdfast.api.kernel.Health;
import io.holdfast.api.kernel.HealthState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the last report of every component. A state change is logged once (WARN when a component
 * goes DOWN or DEGRADED, INFO when it recovers), so repeated reports do not flood the log.
 */
@Component(service = Health.class, immediate = true)
public class HealthRegistry implements Health {
    private static final Logger LOG = LoggerFactory.getLogger(HealthRegistry.class);

    private final Map<String, ComponentHealth> components = new ConcurrentHashMap<>();
    private final Clock clock;

    public HealthRegistry() {
        this(Clock.systemUTC());
    }

    HealthRegistry(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void report(String component, HealthState state, String detail) {
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(state, "state");
        String text = detail == null ? "" : detail;
        components.compute(component, (name, previous) -> {
            if (previous != null && previous.state() == state && previous.detail().equals(text)) {
                return previous;
            }
            logChange(name, previous, state, text);
            Instant since = previous != null && previous.state() == state ? previous.since() : clock.instant();
            return new ComponentHealth(name, state, text, since);
        });
    }

    private static void logChange(String name, ComponentHealth previous, HealthState state, String detail) {
        if (state == HealthState.UP) {
            if (previous != null && previous.state() != HealthState.UP) {
                LOG.info("Component {} is UP again: {}", name, detail);
            }
        } else {
            LOG.warn("Component {} is {}: {}", name, state, detail);
        }
    }

    @Override
    public void remove(String component) {
        components.remove(component);
    }

    @Override
    public List<ComponentHealth> components() {
        List<ComponentHealth> list = new ArrayList<>(components.values());
        list.sort(Comparator.comparing(ComponentHealth::component));
        return list;
    }

    @Override
    public HealthState overall() {
        HealthState worst = HealthState.UP;
        for (ComponentHealth c : components.values()) {
            if (c.state() == HealthState.DOWN) {
                return HealthState.DOWN;
            }
            if (c.state() == HealthState.DEGRADED) {
                worst = HealthState.DEGRADED;
            }
        }
        return worst;
    }
}
