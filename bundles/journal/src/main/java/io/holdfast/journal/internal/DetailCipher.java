package io.holdfast.journal.internal;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.keys.api.Aead;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Stage detail is free text that may quote a patient (a downstream's error echoing a
 * demographics field, a rejection quoting the input), so it is stored sealed under the master
 * PAYLOAD key, like payloads: {@code hfe1:} ‖ base64(Aead value), bound to the stage's sequence
 * number so a value copied onto another row does not open. The hash chain covers this stored
 * form, so verifying needs no key. Rows written before this (clear text) have no prefix and read as
 * they are. Plain text is cut to {@value #MAX_PLAIN_BYTES} UTF-8 bytes so the sealed form fits the
 * 1000-character column.
 */
final class DetailCipher {
    static final String PREFIX = "hfe1:";
    static final int MAX_PLAIN_BYTES = 700;

    private final MasterKeys keys;

    DetailCipher(MasterKeys keys) {
        this.keys = keys;
    }

    /** The stored form of a stage's detail; empty stays empty (nothing to hide). */
    String seal(long seq, String detail) {
        if (detail.isEmpty()) {
            return "";
        }
        byte[] plain = truncate(detail.getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getEncoder().encodeToString(Aead.seal(keys, KeyPurpose.PAYLOAD, plain, aad(seq)));
    }

    /** The detail as written; a legacy clear value is returned unchanged. */
    String open(long seq, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored == null ? "" : stored;
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(Aead.open(keys, KeyPurpose.PAYLOAD, sealed, aad(seq)), StandardCharsets.UTF_8);
        } catch (HoldfastException e) {
            return "(detail cannot be decrypted: " + e.errorCode().code() + ")";
        } catch (IllegalArgumentException e) {
            return "(detail is damaged: not base64)";
        }
    }

    private static byte[] aad(long seq) {
        return ("journal_stage.detail:" + seq).getBytes(StandardCharsets.US_ASCII);
    }

    /** Cuts at a character boundary and marks the cut with an ellipsis. */
    private static byte[] truncate(byte[] utf8) {
        if (utf8.length <= MAX_PLAIN_BYTES) {
            return utf8;
        }
        byte[] ellipsis = "…".getBytes(StandardCharsets.UTF_8);
        int end = MAX_PLAIN_BYTES - ellipsis.length;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        byte[] out = Arrays.copyOf(utf8, end + ellipsis.length);
        System.arraycopy(ellipsis, 0, out, end, ellipsis.length);
        return out;
    }
}
