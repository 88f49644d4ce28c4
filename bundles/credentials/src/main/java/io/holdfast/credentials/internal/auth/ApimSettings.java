package io.holdfast.credentials.internal.auth;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.DownstreamSystem;
import java.net.URI;
import java.time.Duration;

/** Validated {@link ApimAuthConfig}; derives a system's token URL from its endpoint. */
record ApimSettings(String tokenPath, Duration assertionLifetime, Duration refreshMargin, Duration timeout) {

    static ApimSettings defaults() {
        return new ApimSettings("/oauth2/token", Duration.ofSeconds(240), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    static ApimSettings from(ApimAuthConfig c) {
        String path = c.tokenPath().trim();
        if (!path.startsWith("/")) {
            throw new InvalidConfigurationException(ApimAuthConfig.PID, "tokenPath", "a path starting with /", "is '" + path + "'");
        }
        range("assertionLifetimeSeconds", c.assertionLifetimeSeconds(), 30, 300);
        range("refreshMarginSeconds", c.refreshMarginSeconds(), 0, 600);
        range("requestTimeoutSeconds", c.requestTimeoutSeconds(), 1, 120);
        return new ApimSettings(path, Duration.ofSeconds(c.assertionLifetimeSeconds()), Duration.ofSeconds(c.refreshMarginSeconds()),
                Duration.ofSeconds(c.requestTimeoutSeconds()));
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(ApimAuthConfig.PID, key, min + "-" + max, "is " + value);
        }
    }

    /** {@code scheme://host[:port]} of the endpoint + the token path: the URL to POST to and the assertion's aud. */
    URI tokenUrl(DownstreamSystem system) {
        try {
            URI endpoint = URI.create(system.endpoint());
            return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + tokenPath);
        } catch (IllegalArgumentException e) {
            throw new HoldfastException(ErrorCode.INVALID_CONFIGURATION, "System '" + system.id()
                    + "': no token URL can be derived from its endpoint", e);
        }
    }

    /** When to stop reusing a token that lives {@code expiresIn}: the margin, or half the lifetime if that is shorter. */
    Duration reuseFor(long expiresInSeconds) {
        Duration lifetime = Duration.ofSeconds(expiresInSeconds);
        Duration margin = refreshMargin.compareTo(lifetime.dividedBy(2)) < 0 ? refreshMargin : lifetime.dividedBy(2);
        return lifetime.minus(margin);
    }
}
