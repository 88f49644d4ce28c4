package io.holdfast.inventory.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Auth providers registered with an inventory, as the credentials bundle's DS components would be.
 * {@link #SHIPPED} is what Holdfast installs today: every pattern except CIS2_USER, which has no
 * provider able to authenticate an unattended delivery.
 */
public final class InstalledProviders {
    public static final Set<AuthPattern> SHIPPED = EnumSet.complementOf(EnumSet.of(AuthPattern.CIS2_USER));

    private InstalledProviders() {
    }

    public static InventoryService install(InventoryService inventory, Set<AuthPattern> patterns) {
        patterns.forEach(p -> inventory.addAuthProvider(provider(p), Map.of(InstalledAuthPatterns.PROPERTY, p.name())));
        return inventory;
    }

    static InstalledAuthPatterns all() {
        InstalledAuthPatterns installed = new InstalledAuthPatterns();
        Arrays.stream(AuthPattern.values()).forEach(p -> installed.added(provider(p), Map.of()));
        return installed;
    }

    /** A provider of {@code pattern}; the inventory only looks at which pattern it serves. */
    public static AuthProvider provider(AuthPattern pattern) {
        return new AuthProvider() {
            @Override
            public AuthPattern pattern() {
                return pattern;
            }

            @Override
            public AuthMaterial authenticate(DownstreamSystem system) {
                return new AuthMaterial.None();
            }
        };
    }
}
