package io.holdfast.hl7v2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Real-shaped UK messages under {@code src/test/resources/messages} (stored with LF; HL7 wants CR). */
public final class Fixtures {
    private Fixtures() {
    }

    public static String text(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/messages/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace("\n", "\r") + "\r";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture encoded as its MSH-18 says (UTF-8 for UNICODE UTF-8, else ISO-8859-1). */
    public static byte[] bytes(String name) {
        String t = text(name);
        return t.contains("UNICODE UTF-8") ? t.getBytes(StandardCharsets.UTF_8) : t.getBytes(StandardCharsets.ISO_8859_1);
    }
}
