package io.holdfast.credentials.internal.vault;

import io.holdfast.credentials.api.CredentialKind;
import java.util.Objects;

/** One versioned slot of the vault: environment, entry id, kind. */
public record SlotKey(String environment, String entryId, CredentialKind kind) {
    public SlotKey {
        Objects.requireNonNull(environment);
        Objects.requireNonNull(entryId);
        Objects.requireNonNull(kind);
    }

    public VersionKey version(int version) {
        return new VersionKey(this, version);
    }

    @Override
    public String toString() {
        return environment + "/" + entryId + " " + kind;
    }
}
