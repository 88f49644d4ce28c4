package io.holdfast.ers.internal.transport;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.UserTokenExchange;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** The kernel's AuthProviders by pattern ({@code holdfast.auth.pattern}) and its CIS2 UserTokenExchange, as they come and go. */
public final class ErsAuthSources {
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

    public Optional<ErsAuth> application(DownstreamSystem system) {
        AuthProvider p = byPattern.get(system.authPattern());
        return p == null ? Optional.empty() : Optional.of(new ErsAuth() {
            @Override
            public io.holdfast.api.spi.AuthMaterial authenticate() {
                return p.authenticate(system);
            }

            @Override
            public void invalidate() {
                p.invalidate(system);
            }
        });
    }

    public Optional<ErsAuth> user(DownstreamSystem system, String idToken) {
        UserTokenExchange x = exchange.get();
        return x == null ? Optional.empty() : Optional.of(new ErsAuth() {
            @Override
            public io.holdfast.api.spi.AuthMaterial authenticate() {
                return x.exchange(system, idToken);
            }

            @Override
            public void invalidate() {
                x.invalidate(system, idToken);
            }
        });
    }

    private static AuthPattern patternOf(AuthProvider provider, Map<String, ?> properties) {
        Object v = properties == null ? null : properties.get(PATTERN_PROPERTY);
        try {
            return v == null ? provider.pattern() : AuthPattern.valueOf(v.toString());
        } catch (IllegalArgumentException e) {
            return provider.pattern();
        }
    }
}
