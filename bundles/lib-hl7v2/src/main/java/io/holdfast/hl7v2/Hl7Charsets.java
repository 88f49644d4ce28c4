package io.holdfast.hl7v2;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Maps MSH-18 character set names (HL7 table 0211) to Java charsets. */
public final class Hl7Charsets {
    private Hl7Charsets() {
    }

    /**
     * The charset named by MSH-18 (first repetition), or {@code fallback} when MSH-18 is empty;
     * empty if MSH-18 names a charset Holdfast does not support.
     */
    public static Optional<Charset> forMessage(Optional<MshHeader> msh, Charset fallback) {
        String name = msh.map(m -> m.first(MshHeader.CHARACTER_SET)).orElse("").trim();
        return name.isEmpty() ? Optional.of(fallback) : byHl7Name(name);
    }

    /** HL7 table 0211 name to charset: ASCII, 8859/1..9, 8859/15, UNICODE UTF-8, UNICODE UTF-16, plus Java names. */
    public static Optional<Charset> byHl7Name(String hl7Name) {
        String n = hl7Name.trim().toUpperCase(Locale.ROOT);
        switch (n) {
            case "ASCII":
                return Optional.of(StandardCharsets.US_ASCII);
            case "UNICODE UTF-8":
            case "UNICODE":
            case "UTF-8":
                return Optional.of(StandardCharsets.UTF_8);
            case "UNICODE UTF-16":
                return Optional.of(StandardCharsets.UTF_16);
            default:
                break;
        }
        if (n.startsWith("8859/")) {
            return lookup("ISO-8859-" + n.substring(5));
        }
        return lookup(n);
    }

    /** The MSH-18 name for a charset, as Holdfast writes it on outbound messages and ACKs. */
    public static String hl7Name(Charset charset) {
        if (charset.equals(StandardCharsets.US_ASCII)) {
            return "ASCII";
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "UNICODE UTF-8";
        }
        if (charset.name().startsWith("ISO-8859-")) {
            return "8859/" + charset.name().substring("ISO-8859-".length());
        }
        return charset.name();
    }

    private static Optional<Charset> lookup(String javaName) {
        try {
            return Optional.of(Charset.forName(javaName));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
