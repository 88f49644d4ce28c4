package io.holdfast.credentials.internal.vault;

import io.holdfast.keys.api.Aead;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import java.nio.charset.StandardCharsets;

/**
 * Seals vault versions under the master keystore's VAULT key (AES-256-GCM via {@link Aead}). The
 * associated data binds each value to its environment, entry, kind and version, so a sealed value
 * copied to another row does not open.
 */
final class VaultCipher {
    private final MasterKeys keys;

    VaultCipher(MasterKeys keys) {
        this.keys = keys;
    }

    byte[] seal(VersionKey key, byte[] plaintext) {
        return Aead.seal(keys, KeyPurpose.VAULT, plaintext, aad(key));
    }

    byte[] open(VersionKey key, byte[] sealed) {
        return Aead.open(keys, KeyPurpose.VAULT, sealed, aad(key));
    }

    private static byte[] aad(VersionKey key) {
        return ("holdfast-vault/1|" + key.slot().environment() + "|" + key.slot().entryId() + "|" + key.slot().kind()
                + "|" + key.version()).getBytes(StandardCharsets.UTF_8);
    }
}
