package io.holdfast.ers.internal.transport;

import io.holdfast.api.spi.AuthMaterial;

/**
 * Credentials for one call: application-restricted (the system pattern's AuthProvider, or the material the dispatcher
 * obtained for a routed delivery) or user-restricted (CIS2 token exchange). After a 401 the client invalidates once and
 * asks again.
 */
public interface ErsAuth {
    AuthMaterial authenticate();

    void invalidate();

    /** Material the dispatcher already obtained: nothing to refresh here (its next attempt authenticates afresh). */
    static ErsAuth fixed(AuthMaterial material) {
        return new ErsAuth() {
            @Override
            public AuthMaterial authenticate() {
                return material;
            }

            @Override
            public void invalidate() {
                // the outbox's next attempt asks the provider again
            }
        };
    }
}
