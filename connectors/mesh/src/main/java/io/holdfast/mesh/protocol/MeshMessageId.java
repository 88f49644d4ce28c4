package io.holdfast.mesh.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The MESH message id format: a UTC timestamp to the microsecond ({@code yyyyMMddHHmmssSSSSSS}, 20
 * digits), an underscore and 6 hexadecimal digits, e.g. {@code 20210311101813838554_1B8F53}. MESH
 * treats ids case-insensitively (it upper-cases them). A client validates every id a server gives
 * it before using it in a URL or a file name.
 *
 * @since 1.1
 */
public final class MeshMessageId {
    private static final Pattern FORMAT = Pattern.compile("[0-9]{20}_[0-9A-Fa-f]{6}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSSSSS").withZone(ZoneOffset.UTC);

    private MeshMessageId() {
    }

    public static boolean isValid(String id) {
        return id != null && FORMAT.matcher(id).matches();
    }

    /** A new id for a server: {@code random} supplies the 24-bit suffix. */
    public static String create(Instant at, int random) {
        return TIME.format(at) + "_" + String.format(Locale.ROOT, "%06X", random & 0xFFFFFF);
    }

    /** The id for log lines: as given if valid, else a bounded, printable rendering that cannot forge a log line. */
    public static String forLog(String id) {
        if (isValid(id)) {
            return id;
        }
        if (id == null) {
            return "(none)";
        }
        String shown = id.length() > 40 ? id.substring(0, 40) + "..." : id;
        return "'" + shown.replaceAll("[^A-Za-z0-9._-]", "?") + "' (not a MESH message id)";
    }
}
