package io.holdfast.keys.api;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The cryptography of one segmented payload: its header, key, nonce prefix and associated data.
 * Encrypts and decrypts one record at a time; the streams and the byte[] helpers of
 * {@link SegmentedAead} only move bytes around it.
 *
 * <p>Record = prefix (int: bit 31 = final, bits 0–30 = ciphertext length incl. tag) ‖ ciphertext ‖ tag.
 * The prefix is not encrypted, but the final flag is in the GCM AAD and the length is implied by the
 * ciphertext, so changing either fails authentication.
 */
final class SegmentCodec {
    static final byte[] MAGIC = {'H', 'F', 'S', '1'};
    static final int HEADER_BYTES = 4 + 4 + 8 + 4;
    static final int PREFIX_BYTES = 4;
    static final int RECORD_OVERHEAD = PREFIX_BYTES + GcmCiphers.TAG_BYTES;
    /** GCM nonces are prefix ‖ 32-bit counter; beyond that a nonce would repeat. */
    static final long MAX_SEGMENTS = 1L << 32;
    private static final int VERSION_AT = 4;
    private static final int NONCE_PREFIX_AT = 8;
    private static final int NONCE_PREFIX_BYTES = 8;
    private static final int SEGMENT_SIZE_AT = 16;
    private static final int FINAL_BIT = 0x8000_0000;

    private final PurposeKey key;
    private final byte[] header;
    private final byte[] aad;
    private final int segmentSize;

    private SegmentCodec(PurposeKey key, byte[] header, byte[] aad, int segmentSize) {
        this.key = key;
        this.header = header;
        this.aad = aad.clone();
        this.segmentSize = segmentSize;
    }

    /** A new payload under the current PAYLOAD key with a fresh random nonce prefix. */
    static SegmentCodec forWriting(MasterKeys keys, int segmentSize, byte[] aad) {
        if (segmentSize < 1 || segmentSize > SegmentedAead.SEGMENT_SIZE) {
            throw new IllegalArgumentException("segment size must be 1.." + SegmentedAead.SEGMENT_SIZE);
        }
        PurposeKey key = keys.current(KeyPurpose.PAYLOAD);
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(key.version())
                .put(GcmCiphers.randomBytes(NONCE_PREFIX_BYTES)).putInt(segmentSize).array();
        return new SegmentCodec(key, header, aad, segmentSize);
    }

    /**
     * Parses a stored header. The header is authenticated only by the first record's tag, so the
     * segment size is range-checked here before anything is allocated from it.
     */
    static SegmentCodec forReading(MasterKeys keys, byte[] header, int length, byte[] aad) {
        if (length < HEADER_BYTES || !Arrays.equals(header, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw integrity("is not a Holdfast segmented payload (header truncated or wrong magic)");
        }
        ByteBuffer parsed = ByteBuffer.wrap(header, 0, HEADER_BYTES);
        int version = parsed.getInt(VERSION_AT);
        int segmentSize = parsed.getInt(SEGMENT_SIZE_AT);
        if (segmentSize < 1 || segmentSize > SegmentedAead.SEGMENT_SIZE) {
            throw integrity("header names an impossible segment size " + segmentSize);
        }
        PurposeKey key = keys.version(KeyPurpose.PAYLOAD, version);
        return new SegmentCodec(key, Arrays.copyOf(header, HEADER_BYTES), aad, segmentSize);
    }

    byte[] header() {
        return header.clone();
    }

    int segmentSize() {
        return segmentSize;
    }

    /** Largest record this payload may contain, prefix included. */
    int maxRecordBytes() {
        return segmentSize + RECORD_OVERHEAD;
    }

    /** Writes prefix + ciphertext of one segment into {@code out}; returns the record length. */
    int encrypt(long index, boolean last, byte[] plain, int plainOff, int plainLen, byte[] out, int outOff) {
        int cipherLen = plainLen + GcmCiphers.TAG_BYTES;
        ByteBuffer.wrap(out, outOff, PREFIX_BYTES).putInt(last ? cipherLen | FINAL_BIT : cipherLen);
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, index, last);
            return PREFIX_BYTES + cipher.doFinal(plain, plainOff, plainLen, out, outOff + PREFIX_BYTES);
        } catch (GeneralSecurityException e) {
            throw GcmCiphers.cryptoFailure(e);
        }
    }

    /** Decrypts one record body (after its prefix) into {@code out}; returns the plaintext length. */
    int decrypt(long index, boolean last, byte[] record, int off, int cipherLen, byte[] out, int outOff) {
        try {
            Cipher cipher = init(Cipher.DECRYPT_MODE, index, last);
            return cipher.doFinal(record, off, cipherLen, out, outOff);
        } catch (GeneralSecurityException e) {
            throw GcmCiphers.decryptFailure(e, "payload segment " + index);
        }
    }

    static boolean isFinal(int prefix) {
        return (prefix & FINAL_BIT) != 0;
    }

    /** The ciphertext length a record prefix announces, checked against this payload's segment size. */
    int cipherLength(int prefix) {
        int cipherLen = prefix & ~FINAL_BIT;
        if (cipherLen < GcmCiphers.TAG_BYTES || cipherLen > segmentSize + GcmCiphers.TAG_BYTES) {
            throw integrity("has a record length out of range (" + cipherLen + " bytes)");
        }
        return cipherLen;
    }

    static HoldfastException integrity(String problem) {
        return new HoldfastException(ErrorCode.PAYLOAD_INTEGRITY, "encrypted payload " + problem
                + "; the stored bytes were left as they are, nothing was returned from the damaged part");
    }

    /** AAD = caller aad ‖ header ‖ segment index ‖ final flag: binds each record to its place and payload. */
    private Cipher init(int mode, long index, boolean last) throws GeneralSecurityException {
        if (index >= MAX_SEGMENTS) {
            throw new IllegalStateException("payload exceeds " + MAX_SEGMENTS + " segments");
        }
        byte[] nonce = new byte[GcmCiphers.NONCE_BYTES];
        System.arraycopy(header, NONCE_PREFIX_AT, nonce, 0, NONCE_PREFIX_BYTES);
        ByteBuffer.wrap(nonce, NONCE_PREFIX_BYTES, 4).putInt((int) index);
        byte[] position = ByteBuffer.allocate(5).putInt((int) index).put((byte) (last ? 1 : 0)).array();
        Cipher cipher = GcmCiphers.cipher();
        cipher.init(mode, key.key(), new GCMParameterSpec(GcmCiphers.TAG_BITS, nonce));
        cipher.updateAAD(aad);
        cipher.updateAAD(header);
        cipher.updateAAD(position);
        return cipher;
    }
}
