package io.holdfast.keys.api;

import java.nio.file.Path;
import java.util.List;

/**
 * The master keystore ({@code data/holdfast/keys/master.p12}), opened with the passphrase from
 * {@code HOLDFAST_MASTER_PASSPHRASE} or the file named by {@code HOLDFAST_MASTER_PASSPHRASE_FILE}.
 * The service is registered only when the keystore opened; otherwise {@code holdfast:status}
 * says why (missing or wrong passphrase, missing keystore while encrypted data exists).
 */
public interface MasterKeys {

    /** The current key for a purpose (used to encrypt). */
    PurposeKey current(KeyPurpose purpose);

    /**
     * A specific version, for decrypting data written before a rotation.
     *
     * @throws io.holdfast.api.error.HoldfastException {@code KEYSTORE_UNAVAILABLE} if that version is not in the keystore
     */
    PurposeKey version(KeyPurpose purpose, int version);

    /** Hex HMAC-SHA256 of {@code value} under the current FIELD_DIGEST key: how identifiers are indexed without storing them in clear. */
    String digest(String value);

    /**
     * Adds a new version of the purpose's key and makes it current; old versions stay for decryption.
     *
     * @throws IllegalArgumentException for {@link KeyPurpose#FIELD_DIGEST}: stored rows are indexed by
     *         digests, so a new digest key would orphan every existing index entry
     * @throws io.holdfast.api.error.HoldfastException {@code KEYSTORE_UNAVAILABLE} if the keystore could not be written
     */
    PurposeKey rotate(KeyPurpose purpose);

    Path keystorePath();

    /**
     * The versions held for a purpose, oldest first; the last one is {@link #current}. Lets shell and
     * status output list keys without touching key bytes. The default suits test doubles that only
     * hold the current key.
     *
     * @since 1.1
     */
    default List<Integer> versions(KeyPurpose purpose) {
        return List.of(current(purpose).version());
    }
}
