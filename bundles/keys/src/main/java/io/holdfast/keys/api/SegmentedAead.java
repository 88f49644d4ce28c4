package io.holdfast.keys.api;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * Payload encryption in independently authenticated segments (AES-256-GCM under the current
 * {@link KeyPurpose#PAYLOAD} key), so payloads of any size stream in constant memory.
 *
 * <p>Format: header = {@code "HFS1"} ‖ key version (int) ‖ random nonce prefix (8 bytes) ‖ segment
 * size (int); then records of at most {@link #SEGMENT_SIZE} plaintext bytes, each = length prefix
 * (int, top bit = final) ‖ ciphertext ‖ tag. Segment {@code i} uses nonce = prefix ‖ i and AAD =
 * caller aad ‖ header ‖ i ‖ final flag. Truncation, dropped, reordered or duplicated segments,
 * appended bytes, bit flips, and a payload moved to another entry (different aad) all fail with
 * {@code HoldfastException(PAYLOAD_INTEGRITY)}.
 *
 * <p>The stream and byte[] forms write the same format: {@link #seal} output can be read with
 * {@link #decryptingStream} and vice versa. Prefer {@link #seal}/{@link #open} for small payloads
 * (one allocation, per-thread cipher); a stream allocates two segment buffers (~128 KiB).
 */
public final class SegmentedAead {
    /** Plaintext bytes per segment (64 KiB). */
    public static final int SEGMENT_SIZE = 64 * 1024;

    private SegmentedAead() {
    }

    /**
     * Starts an encrypted payload on {@code out}; the header is written immediately. The payload is
     * complete only after {@link OutputStream#close()}, which writes the final segment and closes
     * {@code out}. If the header cannot be written, {@code out} is closed. Not thread-safe (like any stream).
     *
     * @param aad associated data bound to every segment (e.g. the payload's entry id); not stored
     */
    public static OutputStream encryptingStream(MasterKeys keys, OutputStream out, byte[] aad) throws IOException {
        return encryptingStream(keys, out, aad, SEGMENT_SIZE);
    }

    /** With a smaller segment size: lets tests cover multi-segment payloads with little data. */
    static OutputStream encryptingStream(MasterKeys keys, OutputStream out, byte[] aad, int segmentSize)
            throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(aad, "aad");
        try {
            return new SegmentEncryptingOutputStream(out, SegmentCodec.forWriting(keys, segmentSize, aad));
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(out, e);
            throw e;
        }
    }

    /**
     * Reads an encrypted payload from {@code in}, authenticating each segment before returning its
     * bytes. The header is read immediately, so a missing key version or a foreign file fails here.
     * {@code read} throws {@code HoldfastException(PAYLOAD_INTEGRITY)} (unchecked) on tampering or
     * truncation; closing the returned stream closes {@code in}, and so does a failure here.
     */
    public static InputStream decryptingStream(MasterKeys keys, InputStream in, byte[] aad) throws IOException {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(aad, "aad");
        try {
            byte[] header = in.readNBytes(SegmentCodec.HEADER_BYTES);
            return new SegmentDecryptingInputStream(in, SegmentCodec.forReading(keys, header, header.length, aad));
        } catch (IOException | RuntimeException e) {
            closeAfterFailure(in, e);
            throw e;
        }
    }

    /** The caller handed the stream over (often opened inline), so a failed start must not leak it. */
    private static void closeAfterFailure(Closeable stream, Exception failure) {
        try {
            stream.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Encrypts a whole payload held in memory, in the same format as {@link #encryptingStream}. */
    public static byte[] seal(MasterKeys keys, byte[] plaintext, byte[] aad) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(aad, "aad");
        long sealedLength = sealedLength(plaintext.length);
        if (sealedLength > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("payload too large for a byte[]; use encryptingStream");
        }
        SegmentCodec codec = SegmentCodec.forWriting(keys, SEGMENT_SIZE, aad);
        byte[] sealed = new byte[(int) sealedLength];
        System.arraycopy(codec.header(), 0, sealed, 0, SegmentCodec.HEADER_BYTES);
        int pos = SegmentCodec.HEADER_BYTES;
        long segments = segmentCount(plaintext.length);
        for (int i = 0; i < segments; i++) {
            int off = i * SEGMENT_SIZE;
            int len = Math.min(SEGMENT_SIZE, plaintext.length - off);
            pos += codec.encrypt(i, i == segments - 1, plaintext, off, len, sealed, pos);
        }
        return sealed;
    }

    /** Decrypts a payload held in memory (from {@link #seal} or {@link #encryptingStream}). */
    public static byte[] open(MasterKeys keys, byte[] sealed, byte[] aad) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(aad, "aad");
        SegmentCodec codec = SegmentCodec.forReading(keys, sealed, sealed.length, aad);
        // Sized for the common single-record case; multi-record payloads are trimmed once at the end.
        byte[] plain = new byte[Math.max(0, sealed.length - SegmentCodec.HEADER_BYTES - SegmentCodec.RECORD_OVERHEAD)];
        int pos = SegmentCodec.HEADER_BYTES;
        int plainLen = 0;
        boolean last = false;
        for (long index = 0; !last; index++) {
            if (sealed.length - pos < SegmentCodec.PREFIX_BYTES) {
                throw SegmentCodec.integrity("ends after " + index + " segment(s) without a final segment (truncated)");
            }
            int announced = ByteBuffer.wrap(sealed, pos, SegmentCodec.PREFIX_BYTES).getInt();
            int cipherLen = codec.cipherLength(announced);
            pos += SegmentCodec.PREFIX_BYTES;
            if (sealed.length - pos < cipherLen) {
                throw SegmentCodec.integrity("ends inside segment " + index + " (truncated)");
            }
            last = SegmentCodec.isFinal(announced);
            plainLen += codec.decrypt(index, last, sealed, pos, cipherLen, plain, plainLen);
            pos += cipherLen;
        }
        if (pos != sealed.length) {
            throw SegmentCodec.integrity("has data after its final segment (appended)");
        }
        return plainLen == plain.length ? plain : Arrays.copyOf(plain, plainLen);
    }

    /** Stored size of a payload of {@code plaintextLength} bytes: header + 20 bytes per segment. */
    public static long sealedLength(long plaintextLength) {
        return SegmentCodec.HEADER_BYTES + segmentCount(plaintextLength) * SegmentCodec.RECORD_OVERHEAD + plaintextLength;
    }

    /** An empty payload still has one (final, empty) segment, so truncation to the header is detectable. */
    private static long segmentCount(long plaintextLength) {
        return plaintextLength == 0 ? 1 : (plaintextLength + SEGMENT_SIZE - 1) / SEGMENT_SIZE;
    }
}
