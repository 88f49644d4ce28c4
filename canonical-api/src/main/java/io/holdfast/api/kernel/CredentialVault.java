package io.holdfast.api.kernel;

import io.holdfast.api.spi.CredentialIdentity;
import java.util.List;
import java.util.Optional;

/**
 * Versioned credentials per environment, encrypted under the master keystore. Callers get
 * identities and typed material through {@link io.holdfast.api.spi.AuthProvider}s; this interface
 * lists what is held without ever returning a secret.
 */
public interface CredentialVault {

    /** Summary of one credential entry version; no secret material. */
    record EntrySummary(String id, String environment, String kind, int version, boolean active,
                        CredentialIdentity identity) {
    }

    List<EntrySummary> list(String environment);

    Optional<EntrySummary> active(String id, String environment);
}
