package io.holdfast.keys.api;

import io.holdfast.api.error.HoldfastException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * Free text that may quote a patient (a journal stage's detail, an outbox row's last error, a dead
 * letter's reason: a downstream's error can echo a demographics field) stored sealed in a text
 * column: {@value #PREFIX} ‖ base64({@link Aead} value under the master {@link KeyPurpose#PAYLOAD}
 * key), bound to the row by the caller's {@code binding} (table, column and key), so a value copied
 * onto another row does not open. A stored value without the prefix was written in clear before
 * sealing existed and reads as it is.
 *
 * <p>The clear text is cut to a UTF-8 byte budget (at a character boundary, marked with an
 * ellipsis) before sealing so the stored form fits the column: {@link #storedLength} gives the
 * width a budget needs (700 bytes fit a {@code VARCHAR(1000)}).
 */
public final class SealedText {
    /** Marks a sealed value; anything else is legacy clear text. */
    public static final String PREFIX = "hfe1:";
    /** The clear-text budget that fits a 1000-character column. */
    public static final int BUDGET_FOR_1000 = 700;

    private static final byte[] ELLIPSIS = "…".getBytes(StandardCharsets.UTF_8);

    private SealedText() {
    }

    /** The longest stored form for a clear text of at most {@code maxPlainBytes}. */
    public static int storedLength(int maxPlainBytes) {
        return PREFIX.length() + 4 * ((maxPlainBytes + Aead.OVERHEAD + 2) / 3);
    }

    /**
     * The stored form of {@code text}: {@code null} stays {@code null} and empty stays empty
     * (nothing to hide).
     */
    public static String seal(MasterKeys keys, String text, int maxPlainBytes, String binding) {
        Objects.requireNonNull(binding, "binding");
        if (text == null || text.isEmpty()) {
            return text;
        }
        byte[] plain = cut(text.getBytes(StandardCharsets.UTF_8), maxPlainBytes);
        return PREFIX + Base64.getEncoder().encodeToString(Aead.seal(keys, KeyPurpose.PAYLOAD, plain, aad(binding)));
    }

    /**
     * The text as written; a legacy clear value (no prefix) and {@code null} are returned unchanged.
     * A value that does not open is shown as a one-line note with the error code, never thrown: a
     * listing must still show the other rows.
     */
    public static String open(MasterKeys keys, String stored, String binding) {
        if (!isSealed(stored)) {
            return stored;
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            return new String(Aead.open(keys, KeyPurpose.PAYLOAD, sealed, aad(binding)), StandardCharsets.UTF_8);
        } catch (HoldfastException e) {
            return "(text cannot be decrypted: " + e.errorCode().code() + ")";
        } catch (IllegalArgumentException e) {
            return "(text is damaged: not base64)";
        }
    }

    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    private static byte[] aad(String binding) {
        return binding.getBytes(StandardCharsets.UTF_8);
    }

    /** Cuts at a character boundary and marks the cut with an ellipsis. */
    static byte[] cut(byte[] utf8, int maxBytes) {
        if (maxBytes < ELLIPSIS.length) {
            throw new IllegalArgumentException("budget " + maxBytes + " is smaller than the ellipsis marking a cut");
        }
        if (utf8.length <= maxBytes) {
            return utf8;
        }
        int end = maxBytes - ELLIPSIS.length;
        while (end > 0 && (utf8[end] & 0xC0) == 0x80) {
            end--;
        }
        byte[] out = Arrays.copyOf(utf8, end + ELLIPSIS.length);
        System.arraycopy(ELLIPSIS, 0, out, end, ELLIPSIS.length);
        return out;
    }
}
