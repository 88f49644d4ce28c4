package io.holdfast.simulator.eps;

import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * The short-form prescription ID {@code XXXXXX-XXXXXX-XXXXXC}: six hex digits, the prescriber's ODS code padded to
 * six characters, five hex digits, and a check character (Identifier-ShortFormPrescriptionId.yaml; the examples'
 * {@code groupIdentifier} values). The check character is ISO/IEC 7064 MOD 37-2 over the other characters without
 * the hyphens, on the alphabet {@code 0-9 A-Z +} (values 0 to 36): written from the standard, not from any
 * implementation; the published examples are the test vectors.
 */
public final class PrescriptionIds {
    static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ+";
    private static final int MODULUS = 37;
    private static final Pattern SHORT_FORM = Pattern.compile("^[0-9A-F]{6}-[0-9A-Z]{6}-[0-9A-F]{5}[0-9A-Z+]$");

    private PrescriptionIds() {
    }

    /** What is wrong with {@code id} as a short-form prescription ID, if anything. */
    public static Optional<String> problem(String id) {
        if (!SHORT_FORM.matcher(id).matches()) {
            return Optional.of("prescription ID '" + id + "' is not of the form XXXXXX-XXXXXX-XXXXXC");
        }
        char expected = checkCharacter(id.substring(0, id.length() - 1));
        if (id.charAt(id.length() - 1) != expected) {
            return Optional.of("prescription ID '" + id + "' has invalid checksum");
        }
        return Optional.empty();
    }

    /** Whether {@code id} has the short form, whatever its check character. */
    public static boolean hasShortForm(String id) {
        return SHORT_FORM.matcher(id).matches();
    }

    public static boolean isValid(String id) {
        return problem(id).isEmpty();
    }

    /**
     * The MOD 37-2 check character for {@code body} (hyphens ignored): the pure-system recursion
     * p = ((p + value) * 2) mod 37 over the characters, then check = (38 - p) mod 37, so that the weighted sum
     * of all characters including the check is 1 modulo 37.
     */
    public static char checkCharacter(String body) {
        int p = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '-') {
                continue;
            }
            int value = ALPHABET.indexOf(c);
            if (value < 0) {
                throw new IllegalArgumentException("'" + c + "' is not in the MOD 37-2 alphabet 0-9A-Z+");
            }
            p = ((p + value) * 2) % MODULUS;
        }
        return ALPHABET.charAt((MODULUS + 1 - p) % MODULUS);
    }

    /** A new valid short-form ID for a prescriber's ODS code (left-padded with 0 to six characters), for tests and load. */
    public static String generate(String odsCode, Random random) {
        if (odsCode.length() > 6 || !odsCode.matches("[0-9A-Z]+")) {
            throw new IllegalArgumentException("ODS code must be 1 to 6 characters 0-9A-Z: " + odsCode);
        }
        String body = String.format("%06X-%s-%05X", random.nextInt(1 << 24), "0".repeat(6 - odsCode.length()) + odsCode,
                random.nextInt(1 << 20));
        return body + checkCharacter(body);
    }
}
