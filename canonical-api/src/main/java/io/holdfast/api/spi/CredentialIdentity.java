package io.holdfast.api.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * Which credential made a call: vault entry id, version, and a certificate fingerprint (SHA-256)
 * or key id. Journaled with every outbound call. Never contains the secret itself.
 */
@org.osgi.annotation.versioning.ProviderType
public record CredentialIdentity(String entryId, int version, Optional<String> fingerprint, Optional<String> keyId) {
    public static final CredentialIdentity NONE = new CredentialIdentity("none", 0, Optional.empty(), Optional.empty());

    public CredentialIdentity {
        Objects.requireNonNull(entryId, "entryId");
        fingerprint = fingerprint == null ? Optional.empty() : fingerprint;
        keyId = keyId == null ? Optional.empty() : keyId;
    }

    /** {@code entry@v3 sha256:ab12...}: the journal and shell form. */
    public String describe() {
        return entryId + "@v" + version + fingerprint.map(f -> " sha256:" + f).orElse("") + keyId.map(k -> " kid:" + k).orElse("");
    }
}
