package io.holdfast.ers;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.util.Objects;

/**
 * A Unique Booking Reference Number: e-RS's referral id, 12 digits (e-RS's spec: {@code ubrn} path parameter, e.g.
 * {@code 000000070000}). e-RS publishes no check digit for it, so a well-formed UBRN is exactly 12 ASCII digits; spaces
 * and dashes people type between groups ({@code 0000 0007 0000}) are dropped.
 */
@org.osgi.annotation.versioning.ProviderType
public record Ubrn(String value) {
    public Ubrn {
        Objects.requireNonNull(value, "value");
        String problem = problem(value);
        if (problem != null) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, problem);
        }
    }

    /** Reads a typed UBRN; a malformed one fails with one line naming what is wrong (never the whole input). */
    public static Ubrn parse(String text) {
        if (text == null || text.isBlank()) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, "a UBRN is 12 digits; none was given");
        }
        return new Ubrn(text.strip().replace(" ", "").replace("-", ""));
    }

    public static boolean isValid(String text) {
        return text != null && problem(text) == null;
    }

    /** {@code 0000 0007 0000}: as e-RS letters print it. */
    public String formatted() {
        return value.substring(0, 4) + " " + value.substring(4, 8) + " " + value.substring(8);
    }

    private static String problem(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return "a UBRN is 12 digits; character " + (i + 1) + " is not a digit";
            }
        }
        if (v.length() != 12) {
            return "a UBRN is 12 digits; " + v.length() + (v.length() == 1 ? " digit was" : " digits were") + " given";
        }
        return null;
    }

    @Override
    public String toString() {
        return value;
    }
}
