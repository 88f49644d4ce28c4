package io.holdfast.pds;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks and in which conversation: {@code correlationId} becomes {@code X-Correlation-ID} (e.g. the inbound event's
 * message id), {@code requestedBy} is journaled (a shell user, a route id).
 */
@org.osgi.annotation.versioning.ProviderType
public record CallContext(Optional<String> correlationId, String requestedBy) {
    public CallContext {
        correlationId = correlationId == null ? Optional.empty() : correlationId.filter(c -> !c.isBlank());
        Objects.requireNonNull(requestedBy, "requestedBy");
    }

    public static CallContext none() {
        return new CallContext(Optional.empty(), "api");
    }

    public static CallContext of(String correlationId, String requestedBy) {
        return new CallContext(Optional.ofNullable(correlationId), requestedBy);
    }
}
