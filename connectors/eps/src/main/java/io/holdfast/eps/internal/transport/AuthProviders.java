package io.holdfast.eps.internal.transport;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.UserTokenExchange;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The kernel's {@link AuthProvider}s by pattern (service property {@code holdfast.auth.pattern}, else
 * {@link AuthProvider#pattern()}) and its CIS2 {@link UserTokenExchange}, as they come and go.
 */
public final class AuthProviders {
    public static final String PATTERN_PROPERTY = "holdfast.auth.pattern";
    private final Map<AuthPattern, AuthProvider> byPattern = new ConcurrentHashMap<>();
    private final AtomicReference<UserTokenExchange> exchange = new AtomicReference<>();

    public void add(AuthProvider provider, Map<String, ?> properties) {
        byPattern.put(patternOf(provider, properties), provider);
    }

    public void remove(AuthProvider provider, Map<String, ?> properties) {
        byPattern.remove(patternOf(provider, properties), provider);
    }

    public void exchange(UserTokenExchange service) {
        exchange.set(service);
    }

    public void removeExchange(UserTokenExchange service) {
        exchange.compareAndSet(service, null);
    }

    public Optional<AuthProvider> forPattern(AuthPattern pattern) {
        return Optional.ofNullable(byPattern.get(pattern));
    }

    /** Application-restricted access for {@code system}: its pattern's provider, empty if none is registered. */
    public Optional<EpsAuth> application(DownstreamSystem system) {
        return forPattern(system.authPattern()).map(p -> new EpsAuth() {
            @Override
            public AuthMaterial authenticate() {
                return p.authenticate(system);
            }

            @Override
            public void invalidate() {
                p.invalidate(system);
            }

            @Override
            public String kind() {
                return "application";
            }
        });
    }

    /** User-restricted access for {@code system} on behalf of the user whose CIS2 ID token this is. */
    public Optional<EpsAuth> user(DownstreamSystem system, String idToken) {
        UserTokenExchange x = exchange.get();
        return x == null ? Optional.empty() : Optional.of(new EpsAuth() {
            @Override
            public AuthMaterial authenticate() {
                return x.exchange(system, idToken);
            }

            @Override
            public void invalidate() {
                x.invalidate(system, idToken);
            }

            @Override
            public String kind() {
                return "CIS2 user";
            }
        });
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
