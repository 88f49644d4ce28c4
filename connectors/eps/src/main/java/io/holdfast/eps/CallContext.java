package io.holdfast.eps;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks and for what: {@code correlationId} becomes {@code X-Correlation-ID}; {@code requestedBy} is journaled
 * (e.g. the shell user); {@code cis2IdToken}, when present, is exchanged by the kernel's CIS2 UserTokenExchange for a
 * user-restricted token, which EPS requires for prescribing ({@code $prepare}, order, cancel).
 */
public record CallContext(String correlationId, String requestedBy, Optional<String> cis2IdToken) {
    public CallContext {
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(requestedBy, "requestedBy");
        cis2IdToken = cis2IdToken == null ? Optional.empty() : cis2IdToken;
    }

    public static CallContext of(String correlationId, String requestedBy) {
        return new CallContext(correlationId, requestedBy, Optional.empty());
    }

    @Override
    public String toString() {
        return "CallContext[" + correlationId + ", " + requestedBy + (cis2IdToken.isPresent() ? ", CIS2 user" : "") + "]";
    }
}
