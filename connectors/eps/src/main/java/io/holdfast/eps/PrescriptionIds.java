package io.holdfast.eps;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.event.PrescriptionId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Short-form EPS prescription ids {@code RRRRRR-OOOOOO-SSSSSC}, as the Digital Medicines guide builds them: six hex
 * characters of random number, the prescriber's ODS code zero-padded from the start to six characters, five hex
 * characters (the guide's per-clinic sequence; here random or derived), and an ISO/IEC 7064 MOD 37-2 check character
 * over the seventeen characters without hyphens, with {@code +} for value 36.
 *
 * <p>{@link #derive} makes the id from an inbound order's natural key, so a re-sent order gets the same id and EPS's
 * duplicate detection works; {@link #random} is for prescriptions first created here. Both use SHA-256/SecureRandom
 * bits for the two hex groups: 44 bits, so two different orders of one prescriber collide with probability about
 * n²/2^45 (one in ten million at 2,000 orders). A collision shows as DUPLICATE_PRESCRIPTION_ID with different content:
 * dead letter and a clinical-safety alert, never a silent success.
 */
public final class PrescriptionIds {
    private static final Pattern ODS = Pattern.compile("[A-Z0-9]{3,6}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrescriptionIds() {
    }

    /** The same id for the same {@code naturalKey} and prescriber, on every node and after every restart. */
    public static PrescriptionId derive(String naturalKey, String prescriberOds) {
        if (naturalKey == null || naturalKey.isBlank()) {
            throw new HoldfastException(ErrorCode.INVALID_EVENT, "a derived prescription id needs the order's natural key");
        }
        String hex = HexFormat.of().withUpperCase().formatHex(sha256(naturalKey));
        return assemble(hex.substring(0, 6), ods(prescriberOds), hex.substring(6, 11));
    }

    /** A new random id for a prescription created by this system. */
    public static PrescriptionId random(String prescriberOds) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String hex = HexFormat.of().withUpperCase().formatHex(bytes);
        return assemble(hex.substring(0, 6), ods(prescriberOds), hex.substring(6, 11));
    }

    /** The three groups joined with their MOD 37-2 check character. */
    public static PrescriptionId assemble(String randomPart, String paddedOds, String sequencePart) {
        String body = randomPart + paddedOds + sequencePart;
        return new PrescriptionId(randomPart + "-" + paddedOds + "-" + sequencePart + PrescriptionId.checkCharacter(body));
    }

    /** The ODS code zero-padded from the start to six characters ({@code A83008}, {@code 0FCG71}). */
    public static String ods(String odsCode) {
        String code = odsCode == null ? "" : odsCode.trim().toUpperCase(Locale.ROOT);
        if (!ODS.matcher(code).matches()) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, "a prescriber ODS code is 3-6 letters and digits, not '" + code + "'");
        }
        return "0".repeat(6 - code.length()) + code;
    }

    /**
     * Why {@code text} is not a prescription id, in one line that names the part at fault (group format or check
     * character) without revealing the expected check character; empty if it is one.
     */
    public static java.util.Optional<String> problem(String text) {
        String v = text == null ? "" : text.trim();
        if (!v.matches("[0-9A-Fa-f]{6}-[0-9A-Za-z]{6}-[0-9A-Fa-f]{5}[0-9A-Za-z+]")) {
            return java.util.Optional.of("'" + v + "' is not in the form XXXXXX-XXXXXX-XXXXXC (6 hex characters, the prescriber's "
                    + "6-character ODS group, 5 hex characters and a check character)");
        }
        try {
            new PrescriptionId(v.toUpperCase(Locale.ROOT));
            return java.util.Optional.empty();
        } catch (HoldfastException e) {
            return java.util.Optional.of("'" + v + "' has the right groups but a wrong check character (MOD 37-2): mistyped?");
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
