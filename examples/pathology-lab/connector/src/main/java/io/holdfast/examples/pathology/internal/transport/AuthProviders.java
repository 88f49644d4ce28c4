package io.holdfast.examples.pathology.internal.transport;

import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kernel's {@link AuthProvider}s as they come and go, by the pattern they serve (service property
 * {@code holdfast.auth.pattern}, else {@link AuthProvider#pattern()}). The lab's inventory entry names the
 * pattern; the provider reads the vault and returns headers (an {@code apikey}, a bearer token) and the
 * credential identity to journal, never a secret the connector has to keep.
 */
public final class AuthProviders {
    public static final String PATTERN_PROPERTY = "holdfast.auth.pattern";
    private final Map<AuthPattern, AuthProvider> byPattern = new ConcurrentHashMap<>();

    public void add(AuthProvider provider, Map<String, ?> properties) {
        byPattern.put(patternOf(provider, properties), provider);
    }

    public void remove(AuthProvider provider, Map<String, ?> properties) {
        byPattern.remove(patternOf(provider, properties), provider);
    }

    public Optional<AuthProvider> forPattern(AuthPattern pattern) {
        return Optional.ofNullable(byPattern.get(pattern));
    }

    private static AuthPattern patternOf(AuthProvider provider, Map<String, ?> properties) {
        Object v = properties == null ? null : properties.get(PATTERN_PROPERTY);
        if (v == null) {
            return provider.pattern();
        }
        try {
            return AuthPattern.valueOf(v.toString());
        } catch (IllegalArgumentException e) {
            return provider.pattern();
        }
    }
}
