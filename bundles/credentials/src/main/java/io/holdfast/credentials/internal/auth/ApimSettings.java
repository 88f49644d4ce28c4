package io.holdfast.credentials.internal.auth;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.error.InvalidConfigurationException;
import io.holdfast.api.kernel.DownstreamSystem;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Validated {@link ApimAuthConfig}; derives a system's token URL from its endpoint, unless its environment has its own
 * token URL (a sandbox whose token endpoint is another simulator on another port).
 */
record ApimSettings(String tokenPath, Map<String, URI> tokenUrls, Duration assertionLifetime, Duration refreshMargin,
        Duration timeout) {

    ApimSettings {
        tokenUrls = Map.copyOf(tokenUrls);
    }

    static ApimSettings defaults() {
        return new ApimSettings("/oauth2/token", Map.of(), Duration.ofSeconds(240), Duration.ofSeconds(60), Duration.ofSeconds(10));
    }

    static ApimSettings from(ApimAuthConfig c) {
        String path = c.tokenPath().trim();
        if (!path.startsWith("/")) {
            throw new InvalidConfigurationException(ApimAuthConfig.PID, "tokenPath", "a path starting with /", "is '" + path + "'");
        }
        range("assertionLifetimeSeconds", c.assertionLifetimeSeconds(), 30, 300);
        range("refreshMarginSeconds", c.refreshMarginSeconds(), 0, 600);
        range("requestTimeoutSeconds", c.requestTimeoutSeconds(), 1, 120);
        return new ApimSettings(path, tokenUrls(c.tokenUrls()), Duration.ofSeconds(c.assertionLifetimeSeconds()),
                Duration.ofSeconds(c.refreshMarginSeconds()), Duration.ofSeconds(c.requestTimeoutSeconds()));
    }

    private static Map<String, URI> tokenUrls(String text) {
        Map<String, URI> urls = new LinkedHashMap<>();
        for (String item : text.split(",")) {
            if (item.isBlank()) {
                continue;
            }
            int eq = item.indexOf('=');
            String env = eq < 0 ? "" : item.substring(0, eq).trim();
            URI url = eq < 0 ? null : absoluteHttp(item.substring(eq + 1).trim());
            if (env.isEmpty() || url == null || urls.putIfAbsent(env, url) != null) {
                throw new InvalidConfigurationException(ApimAuthConfig.PID, "tokenUrls",
                        "env=http(s)://host[:port]/path, comma-separated, each environment once", "has '" + item.trim() + "'");
            }
        }
        return urls;
    }

    private static URI absoluteHttp(String text) {
        try {
            URI url = new URI(text);
            boolean http = "https".equals(url.getScheme()) || "http".equals(url.getScheme());
            return http && url.getHost() != null && url.getRawUserInfo() == null ? url : null;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    private static void range(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(ApimAuthConfig.PID, key, min + "-" + max, "is " + value);
        }
    }

    /**
     * The URL to POST to and the assertion's aud: the system's environment's configured token URL, else
     * {@code scheme://host[:port]} of the endpoint + the token path (as on the NHS API platform).
     */
    URI tokenUrl(DownstreamSystem system) {
        URI configured = tokenUrls.get(system.environment());
        if (configured != null) {
            return configured;
        }
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
