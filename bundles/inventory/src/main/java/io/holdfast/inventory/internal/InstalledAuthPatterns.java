package io.holdfast.inventory.internal;

import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The auth patterns for which an {@link AuthProvider} service is registered right now (by its
 * {@value #PROPERTY} property, else its {@code pattern()}, as the dispatcher picks them). A system whose
 * pattern has none could never be delivered to: its outbox rows would wait forever. Counted, so a
 * second provider of a pattern leaving does not hide the first.
 */
final class InstalledAuthPatterns {
    static final String PROPERTY = "holdfast.auth.pattern";
    private final Map<String, Integer> providers = new ConcurrentHashMap<>();

    void added(AuthProvider provider, Map<String, ?> properties) {
        providers.merge(name(provider, properties), 1, Integer::sum);
    }

    void removed(AuthProvider provider, Map<String, ?> properties) {
        providers.computeIfPresent(name(provider, properties), (k, n) -> n > 1 ? n - 1 : null);
    }

    /** A provider service known by its {@value #PROPERTY} property alone (the service object is never taken). */
    void added(Map<String, ?> properties) {
        providers.merge(String.valueOf(properties.get(PROPERTY)), 1, Integer::sum);
    }

    void removed(Map<String, ?> properties) {
        providers.computeIfPresent(String.valueOf(properties.get(PROPERTY)), (k, n) -> n > 1 ? n - 1 : null);
    }

    /** Why {@code pattern} cannot be used now, if it cannot. */
    Optional<String> problem(AuthPattern pattern) {
        if (providers.containsKey(pattern.name())) {
            return Optional.empty();
        }
        return Optional.of("auth pattern " + pattern + " has no working provider installed (installed: " + installed()
                + "), so nothing could be delivered to this system; choose one of those, or install the bundle that"
                + " provides " + pattern + " (the system becomes valid as soon as it is)");
    }

    private String installed() {
        String names = Arrays.stream(AuthPattern.values()).map(Enum::name).filter(providers::containsKey)
                .collect(Collectors.joining(", "));
        return names.isEmpty() ? "none" : names;
    }

    private static String name(AuthProvider provider, Map<String, ?> properties) {
        Object v = properties == null ? null : properties.get(PROPERTY);
        return v == null ? provider.pattern().name() : v.toString();
    }
}
