package io.holdfast.simulator.mesh;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Message ids in the form MESH gives them, e.g. {@code 20210311101813838554_1B8F53} (the example of
 * the published API): the UTC time of creation to the microsecond, 20 digits, an underscore and six
 * upper-case hexadecimal digits.
 */
final class MessageIds {
    private static final DateTimeFormatter MICROSECONDS_UTC = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSSSSS")
            .withZone(ZoneOffset.UTC);

    private MessageIds() {
    }

    /** The id of a message created at {@code at}; the low 24 bits of {@code random} make the suffix. */
    static String create(Instant at, int random) {
        return MICROSECONDS_UTC.format(at) + "_" + String.format(Locale.ROOT, "%06X", random & 0xFF_FFFF);
    }
}
