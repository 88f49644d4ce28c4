package io.holdfast.api.kernel;

import io.holdfast.api.spi.CredentialIdentity;
import java.util.List;
import java.util.Optional;

/**
 * Versioned credentials per environment, encrypted under the master keystore. Callers get
 * identities and typed material through {@link io.holdfast.api.spi.AuthProvider}s; this interface
 * lists what is held without ever returning a secret.
 */
@org.osgi.annotation.versioning.ProviderType
public interface CredentialVault {

    /** Summary of one credential entry version; no secret material. */
    record EntrySummary(String id, String environment, String kind, int version, boolean active,
                        CredentialIdentity identity) {
    }

    /** Every version of every entry of the environment, ordered by entry id, kind and version. */
    List<EntrySummary> list(String environment);

    /**
     * The active version of the entry. An entry may hold several kinds (key pair, trust anchors, API
     * key, ...), each versioned on its own: this returns the first active one in kind-name order;
     * use {@link #active(String, String, String)} to name the kind.
     */
    Optional<EntrySummary> active(String id, String environment);

    /** The active version of one kind of the entry (e.g. {@code KEY_PAIR}). */
    default Optional<EntrySummary> active(String id, String environment, String kind) {
        return list(environment).stream().filter(s -> s.id().equals(id) && s.kind().equals(kind) && s.active()).findFirst();
    }
}
