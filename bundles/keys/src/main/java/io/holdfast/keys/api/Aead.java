package io.holdfast.keys.api;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals small values (credential vault entries, short journal fields) with AES-256-GCM under a
 * master purpose key.
 *
 * <p>Format: {@code "HFK1"} (4 bytes) ‖ purpose (1 byte) ‖ key version (int, big-endian) ‖ random
 * nonce (12 bytes) ‖ ciphertext ‖ tag (16 bytes). The whole header and the caller's associated data
 * (e.g. the entry id) are authenticated, so a value copied to another entry, re-labelled with another
 * key version or purpose, or modified in any bit fails with {@link ErrorCode#PAYLOAD_INTEGRITY}.
 * Nonces are random: keep well under 2<sup>32</sup> seals per key version (rotate long before).
 *
 * <p>Thread-safe; ciphers are cached per thread.
 */
public final class Aead {
    /** Header bytes before the ciphertext. */
    public static final int HEADER_BYTES = 4 + 1 + 4 + GcmCiphers.NONCE_BYTES;
    /** Bytes a sealed value adds to its plaintext. */
    public static final int OVERHEAD = HEADER_BYTES + GcmCiphers.TAG_BYTES;

    private static final byte[] MAGIC = {'H', 'F', 'K', '1'};

    private Aead() {
    }

    /**
     * Encrypts {@code plaintext} under the current key of {@code purpose}.
     *
     * @param aad associated data bound to the value (not stored); the same bytes are needed to open it
     * @throws IllegalArgumentException for {@link KeyPurpose#FIELD_DIGEST}, which is an HMAC key
     */
    public static byte[] seal(MasterKeys keys, KeyPurpose purpose, byte[] plaintext, byte[] aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(aad, "aad");
        byte code = purposeCode(purpose);
        PurposeKey key = keys.current(purpose);
        byte[] sealed = new byte[OVERHEAD + plaintext.length];
        ByteBuffer.wrap(sealed).put(MAGIC).put(code).putInt(key.version())
                .put(GcmCiphers.randomBytes(GcmCiphers.NONCE_BYTES));
        try {
            Cipher cipher = GcmCiphers.cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key.key(), nonceOf(sealed));
            cipher.updateAAD(sealed, 0, HEADER_BYTES);
            cipher.updateAAD(aad);
            cipher.doFinal(plaintext, 0, plaintext.length, sealed, HEADER_BYTES);
            return sealed;
        } catch (GeneralSecurityException e) {
            throw GcmCiphers.cryptoFailure(e);
        }
    }

    /**
     * Decrypts a value made by {@link #seal}, using the key version named in its header.
     *
     * @param purpose the purpose the caller expects; a value sealed for another purpose is refused
     * @throws HoldfastException {@code PAYLOAD_INTEGRITY} if the value is not intact or the aad differs;
     *         {@code KEYSTORE_UNAVAILABLE} if its key version is not in the keystore
     */
    public static byte[] open(MasterKeys keys, KeyPurpose purpose, byte[] sealed, byte[] aad) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(aad, "aad");
        byte expectedPurpose = purposeCode(purpose);
        if (sealed.length < OVERHEAD || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new HoldfastException(ErrorCode.PAYLOAD_INTEGRITY,
                    "not a Holdfast sealed value (too short or wrong magic); nothing was decrypted");
        }
        ByteBuffer header = ByteBuffer.wrap(sealed, MAGIC.length, HEADER_BYTES - MAGIC.length);
        if (header.get() != expectedPurpose) {
            throw new HoldfastException(ErrorCode.PAYLOAD_INTEGRITY,
                    "value was not sealed for " + purpose + "; refusing to decrypt it in this context");
        }
        PurposeKey key = keys.version(purpose, header.getInt());
        try {
            Cipher cipher = GcmCiphers.cipher();
            cipher.init(Cipher.DECRYPT_MODE, key.key(), nonceOf(sealed));
            cipher.updateAAD(sealed, 0, HEADER_BYTES);
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
        } catch (GeneralSecurityException e) {
            throw GcmCiphers.decryptFailure(e, "sealed " + purpose + " value");
        }
    }

    private static GCMParameterSpec nonceOf(byte[] sealed) {
        return new GCMParameterSpec(GcmCiphers.TAG_BITS, sealed, HEADER_BYTES - GcmCiphers.NONCE_BYTES,
                GcmCiphers.NONCE_BYTES);
    }

    /** Fixed codes rather than ordinals, so reordering the enum can never relabel stored values. */
    private static byte purposeCode(KeyPurpose purpose) {
        return switch (Objects.requireNonNull(purpose, "purpose")) {
            case PAYLOAD -> 1;
            case VAULT -> 3;
            case FIELD_DIGEST -> throw new IllegalArgumentException("FIELD_DIGEST is an HMAC key, not an encryption key");
        };
    }
}
