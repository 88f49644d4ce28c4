package io.holdfast.api.model;

import io.holdfast.api.error.InvalidNhsNumberException;

/**
 * A validated NHS number: 10 digits whose last digit is the Modulus 11 check digit over the
 * first nine (weights 10..2). {@link #toString()} masks the number so it cannot leak into logs by
 * accident; use {@link #value()} or {@link #formatted()} where the number is meant to be shown.
 */
@org.osgi.annotation.versioning.ProviderType
public final class NhsNumber {
    /** FHIR identifier system for NHS numbers. */
    public static final String SYSTEM = "https://fhir.nhs.uk/Id/nhs-number";

    private final String digits;

    private NhsNumber(String digits) {
        this.digits = digits;
    }

    /**
     * Parses an NHS number written with or without spaces or dashes ({@code 9434765919},
     * {@code 943 476 5919}, {@code 943-476-5919}).
     *
     * @throws InvalidNhsNumberException if it is not 10 digits or the check digit is wrong
     */
    public static NhsNumber parse(String text) {
        if (text == null) {
            throw new InvalidNhsNumberException("no value given");
        }
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                sb.append(c);
            } else if (c != ' ' && c != '-') {
                throw new InvalidNhsNumberException("contains a character other than digits, spaces or dashes");
            }
        }
        if (sb.length() != 10) {
            throw new InvalidNhsNumberException("must have 10 digits, found " + sb.length());
        }
        String digits = sb.toString();
        int expected = checkDigit(digits);
        if (expected == 10) {
            throw new InvalidNhsNumberException("check digit computes to 10, which no valid NHS number has");
        }
        if (expected != digits.charAt(9) - '0') {
            throw new InvalidNhsNumberException("check digit does not match (Modulus 11)");
        }
        return new NhsNumber(digits);
    }

    /** True if {@code text} parses as a valid NHS number. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidNhsNumberException e) {
            return false;
        }
    }

    /** Modulus 11 check digit for the first nine digits; 10 means no valid number exists. */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        return check == 11 ? 0 : check;
    }

    /** The 10 digits, no separators. */
    public String value() {
        return digits;
    }

    /** The conventional display form {@code 943 476 5919}. */
    public String formatted() {
        return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }

    /** True for the test range (numbers starting with 9) used by NHS sandboxes and simulators. */
    public boolean isTestNumber() {
        return digits.charAt(0) == '9';
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NhsNumber other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    /** Masked ({@code NhsNumber[***5919]}) so accidental logging does not disclose the number. */
    @Override
    public String toString() {
        return "NhsNumber[***" + digits.substring(6) + "]";
    }
}
