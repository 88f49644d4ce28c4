package io.holdfast.keys.api;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;

/**
 * Per-thread AES-GCM {@link Cipher} instances and nonce randomness shared by {@link Aead} and
 * {@link SegmentedAead}. {@code Cipher.getInstance} costs tens of microseconds, which dominates
 * small journal writes; a cipher is safe to reuse because every use is one init + doFinal inside a
 * single method call on one thread.
 */
final class GcmCiphers {
    static final int TAG_BYTES = 16;
    static final int TAG_BITS = TAG_BYTES * 8;
    static final int NONCE_BYTES = 12;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ThreadLocal<Cipher> CIPHER = ThreadLocal.withInitial(GcmCiphers::newCipher);

    private GcmCiphers() {
    }

    static Cipher cipher() {
        return CIPHER.get();
    }

    static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Maps a failed decryption to the integrity error; anything else is a JCA problem, not tampering. */
    static RuntimeException decryptFailure(GeneralSecurityException e, String what) {
        if (e instanceof AEADBadTagException) {
            return new HoldfastException(ErrorCode.PAYLOAD_INTEGRITY, what
                    + " failed authentication: it was modified, truncated or reordered, or it belongs to"
                    + " another entry (different associated data); the stored bytes were left as they are");
        }
        return cryptoFailure(e);
    }

    static IllegalStateException cryptoFailure(GeneralSecurityException e) {
        return new IllegalStateException("AES-GCM failed in the JCA provider: " + e.getMessage(), e);
    }

    private static Cipher newCipher() {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw cryptoFailure(e);
        }
    }
}
