package io.holdfast.credentials.internal.auth;

import io.holdfast.api.spi.AuthProvider;
import io.holdfast.credentials.internal.vault.VaultReader;
import java.time.Clock;
import java.util.List;

/** The AuthProvider components this bundle registers, built as DS would, for a test kernel's inventory. */
public final class ShippedProviders {
    private ShippedProviders() {
    }

    public static List<AuthProvider> over(VaultReader vault, Clock clock) {
        return List.of(new TlsMutualAuthProvider(vault, clock, new SslContexts()),
                new SignedJwtAuthProvider(vault, clock, ApimSettings.defaults()),
                new OrgCredentialsAuthProvider(vault, clock), new ApiKeyAuthProvider(vault, clock), new NoneAuthProvider());
    }
}
