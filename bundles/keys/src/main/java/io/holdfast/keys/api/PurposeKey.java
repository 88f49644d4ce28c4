package io.holdfast.keys.api;

import java.util.Objects;
import javax.crypto.SecretKey;

/** A key with its purpose and version; the version goes into every ciphertext header so rotation can find old keys. */
public record PurposeKey(KeyPurpose purpose, int version, SecretKey key) {
    public PurposeKey {
        Objects.requireNonNull(purpose);
        Objects.requireNonNull(key);
    }

    @Override
    public String toString() {
        return "PurposeKey[" + purpose + " v" + version + "]";
    }
}
