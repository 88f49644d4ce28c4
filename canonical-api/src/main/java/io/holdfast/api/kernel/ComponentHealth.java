package io.holdfast.api.kernel;

import java.time.Instant;

/** What a component last reported. {@code detail} is PHI-free (PIDs, keys, counts, error codes). */
@org.osgi.annotation.versioning.ProviderType
public record ComponentHealth(String component, HealthState state, String detail, Instant since) {
}
