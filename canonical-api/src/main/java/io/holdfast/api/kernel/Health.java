package io.holdfast.api.kernel;

import java.util.List;

/**
 * Where every component reports its state: a listener that could not bind, a config rejected at
 * activation (with PID, key and allowed values), a store that could not open. Read by
 * {@code holdfast:status}, REST and metrics.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Health {

    void report(String component, HealthState state, String detail);

    /** Removes a component that no longer exists (e.g. a deleted listener config). */
    void remove(String component);

    List<ComponentHealth> components();

    /** DOWN if any component is DOWN, DEGRADED if any is DEGRADED, else UP. */
    HealthState overall();
}
