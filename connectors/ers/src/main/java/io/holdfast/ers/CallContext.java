package io.holdfast.ers;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks and in which conversation. {@code correlationId} becomes {@code X-Correlation-ID}; {@code requestedBy} is
 * journaled (a shell user, a route id); {@code userIdToken} is the signed-in user's CIS2 ID token for e-RS's
 * user-restricted endpoints (accept, reject, triage outcome, create): exchanged by the kernel's UserTokenExchange, never
 * stored or logged. Without it a call is application-restricted (retrieve, worklist, attachment).
 */
@org.osgi.annotation.versioning.ProviderType
public record CallContext(Optional<String> correlationId, String requestedBy, Optional<String> userIdToken) {
    public CallContext {
        correlationId = correlationId == null ? Optional.empty() : correlationId.filter(c -> !c.isBlank());
        Objects.requireNonNull(requestedBy, "requestedBy");
        userIdToken = userIdToken == null ? Optional.empty() : userIdToken.filter(t -> !t.isBlank());
    }

    public static CallContext of(String correlationId, String requestedBy) {
        return new CallContext(Optional.ofNullable(correlationId), requestedBy, Optional.empty());
    }

    /** The same context acting for the user whose CIS2 ID token this is. */
    public CallContext asUser(String idToken) {
        return new CallContext(correlationId, requestedBy, Optional.ofNullable(idToken));
    }

    @Override
    public String toString() {
        return "CallContext[" + requestedBy + correlationId.map(c -> ", " + c).orElse("") + (userIdToken.isPresent() ? ", user" : "") + "]";
    }
}
