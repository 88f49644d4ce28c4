package io.holdfast.api.event;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;

/**
 * EPS short-form prescription id {@code XXXXXX-XXXXXX-XXXXXC}: three groups of hex characters,
 * the last character an ISO/IEC 7064 MOD 37-2 check character over the alphabet 0-9, A-Z, '+'.
 */
@org.osgi.annotation.versioning.ProviderType
public record PrescriptionId(String value) {
    static final String CHECK_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+";

    public PrescriptionId {
        if (value == null || !value.matches("[0-9A-F]{6}-[0-9A-Z]{6}-[0-9A-F]{5}[0-9A-Z+]")) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER,
                    "a prescription id has the form XXXXXX-XXXXXX-XXXXXC");
        }
        String body = value.substring(0, value.length() - 1).replace("-", "");
        if (checkCharacter(body) != value.charAt(value.length() - 1)) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, "prescription id check character is wrong (MOD 37-2)");
        }
    }

    /** The MOD 37-2 check character for the 17 characters without hyphens. */
    public static char checkCharacter(String body) {
        int total = 0;
        for (int i = 0; i < body.length(); i++) {
            total = ((total + Character.digit(body.charAt(i), 36)) * 2) % 37;
        }
        return CHECK_ALPHABET.charAt((38 - total) % 37);
    }
}
