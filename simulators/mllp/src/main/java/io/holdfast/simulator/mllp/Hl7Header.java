package io.holdfast.simulator.mllp;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The MSH segment of an HL7 v2 message, read at byte level the way the standard defines it: the
 * character after "MSH" is the field separator (MSH-1), the next field holds the encoding characters
 * (MSH-2), so MSH-n is field n-1 after splitting. Enough for an ACK: who sent it, its control id,
 * type, version and acknowledgment mode.
 */
final class Hl7Header {
    private final char fieldSeparator;
    private final String[] fields;

    private Hl7Header(char fieldSeparator, String[] fields) {
        this.fieldSeparator = fieldSeparator;
        this.fields = fields;
    }

    /** The MSH of a message (its first segment), or empty if it has none. */
    static Optional<Hl7Header> of(byte[] message) {
        String text = new String(message, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("MSH");
        if (start < 0 || start + 3 >= text.length()) {
            return Optional.empty();
        }
        int end = text.indexOf('\r', start);
        String segment = text.substring(start, end < 0 ? text.length() : end);
        char separator = segment.charAt(3);
        if (Character.isLetterOrDigit(separator) || Character.isWhitespace(separator)) {
            return Optional.empty();
        }
        return Optional.of(new Hl7Header(separator, segment.split(Pattern.quote(String.valueOf(separator)), -1)));
    }

    /** MSH-n as written (MSH-1 is the separator itself). */
    String field(int n) {
        if (n == 1) {
            return String.valueOf(fieldSeparator);
        }
        return n - 1 < fields.length ? fields[n - 1] : "";
    }

    String encodingCharacters() {
        String enc = field(2);
        return enc.length() >= 4 ? enc : "^~\\&";
    }

    char componentSeparator() {
        return encodingCharacters().charAt(0);
    }

    /** Component {@code c} (from 1) of MSH-n. */
    String component(int n, int c) {
        String[] parts = field(n).split(Pattern.quote(String.valueOf(componentSeparator())), -1);
        return c - 1 < parts.length ? parts[c - 1] : "";
    }

    String controlId() {
        return field(10);
    }

    /** MSH-9 as {@code ADT^A01}: message code and trigger event. */
    String messageType() {
        String trigger = component(9, 2);
        return trigger.isEmpty() ? component(9, 1) : component(9, 1) + "^" + trigger;
    }

    String version() {
        return component(12, 1);
    }

    /** Enhanced acknowledgment mode: the sender valued MSH-15 (accept) or MSH-16 (application ack type). */
    boolean enhancedMode() {
        return !field(15).isBlank() || !field(16).isBlank();
    }
}
