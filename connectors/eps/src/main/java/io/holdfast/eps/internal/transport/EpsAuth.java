package io.holdfast.eps.internal.transport;

import io.holdfast.api.spi.AuthMaterial;

/** Credentials for one EPS call: application-restricted (the inventory entry's provider) or user-restricted (CIS2). */
public interface EpsAuth {
    AuthMaterial authenticate();

    void invalidate();

    /** {@code application} or {@code CIS2 user}: journaled with the call. */
    String kind();
}
