package io.holdfast.api.kernel;

/** State of one component. */
@org.osgi.annotation.versioning.ProviderType
public enum HealthState {
    UP, DEGRADED, DOWN
}
