package io.holdfast.api.kernel;

/** State of one component. */
public enum HealthState {
    UP, DEGRADED, DOWN
}
