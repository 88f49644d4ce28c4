package io.holdfast.pds.internal.transport;

import io.holdfast.api.spi.AuthMaterial;

/**
 * Credentials for one call: application-restricted (the system's {@link io.holdfast.api.spi.AuthProvider}) or
 * user-restricted (a CIS2 token exchange for one user). After a 401 the client invalidates once and asks again.
 */
public interface PdsAuth {
    AuthMaterial authenticate();

    void invalidate();
}
