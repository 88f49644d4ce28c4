package io.holdfast.api.kernel;

import java.time.Instant;

/**
 * One active alert. {@code source} names the component that raised it (e.g. {@code credentials},
 * {@code mesh:X26ABC2}); {@code raisedAt} is when the condition was first raised, {@code updatedAt}
 * when its severity or text last changed.
 */
@org.osgi.annotation.versioning.ProviderType
public record Alert(String key, AlertSeverity severity, String source, String text, Instant raisedAt, Instant updatedAt) {
}
