package io.holdfast.credentials.internal.vault;

import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.credentials.internal.material.Material;
import java.util.Objects;

/** Decrypted material of one version with the identity to journal. Never log {@link #material()}. */
public record Unsealed(VersionKey key, Material material, CredentialIdentity identity) {
    public Unsealed {
        Objects.requireNonNull(key);
        Objects.requireNonNull(material);
        Objects.requireNonNull(identity);
    }

    @Override
    public String toString() {
        return "Unsealed[" + key + ", " + identity.describe() + "]";
    }
}
