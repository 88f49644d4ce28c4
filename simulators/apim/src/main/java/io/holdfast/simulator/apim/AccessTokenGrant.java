package io.holdfast.simulator.apim;

import java.util.Objects;
import java.util.Optional;

/**
 * What an issued access token stands for (as OAuth 2.0 token introspection, RFC 7662, would say):
 * the application's API key, and the CIS2 user for a user-restricted token from the token exchange.
 */
public record AccessTokenGrant(String apiKey, Optional<String> user) {

    public AccessTokenGrant {
        Objects.requireNonNull(apiKey);
        Objects.requireNonNull(user);
    }

    /** True for tokens from the CIS2 token exchange (healthcare-worker access). */
    public boolean userRestricted() {
        return user.isPresent();
    }
}
