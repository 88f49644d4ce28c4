package io.holdfast.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * What a bearer token must satisfy: issuer ({@code iss}) equal, audience ({@code aud}) containing
 * {@code audience}, signed with one of {@code algorithms} ({@code RS256}, {@code RS512}, {@code ES256}),
 * {@code exp} in the future and {@code nbf} (if present) past, both with {@code clockSkew} leeway.
 */
@org.osgi.annotation.versioning.ProviderType
public record JwtPolicy(String issuer, String audience, Set<String> algorithms, Duration clockSkew) {
    public static final Set<String> SUPPORTED_ALGORITHMS = Set.of("RS256", "RS512", "ES256");

    public JwtPolicy {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        algorithms = Set.copyOf(algorithms);
        if (algorithms.isEmpty() || !SUPPORTED_ALGORITHMS.containsAll(algorithms)) {
            throw new IllegalArgumentException("algorithms must be a non-empty subset of " + SUPPORTED_ALGORITHMS + ": " + algorithms);
        }
        if (clockSkew.isNegative()) {
            throw new IllegalArgumentException("clockSkew must not be negative");
        }
    }
}
