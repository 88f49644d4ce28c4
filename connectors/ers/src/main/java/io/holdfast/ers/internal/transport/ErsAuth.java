package io.holdfast.ers.internal.transport;

import io.holdfast.api.spi.AuthMaterial;

/**
 * Credentials for one call: application-restricted (the system pattern's AuthProvider) or user-restricted (CIS2 token
 * exchange). After a 401 the client invalidates once and asks again.
 */
public interface ErsAuth {
    AuthMaterial authenticate();

    void invalidate();

}
