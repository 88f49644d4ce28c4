package ${package}.internal.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The booking system's wire format: UTF-8 text, one {@code key=value} per line (README.md, "Protocol"). Strict on
 * what would make a mapping ambiguous (a repeated key, a line without '=', bytes that are not UTF-8).
 */
public final class KeyValueMessage {
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");

    private final Map<String, String> fields;

    private KeyValueMessage(Map<String, String> fields) {
        this.fields = fields;
    }

    public static KeyValueMessage parse(byte[] wire) throws RejectedMessage {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(wire)).toString();
        } catch (CharacterCodingException e) {
            throw new RejectedMessage("MALFORMED", "the message is not UTF-8 text");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? "" : line.substring(0, eq).trim();
            if (!KEY.matcher(key).matches()) {
                throw new RejectedMessage("MALFORMED", "line " + (i + 1) + " is not key=value");
            }
            if (fields.putIfAbsent(key, line.substring(eq + 1).trim()) != null) {
                throw new RejectedMessage("MALFORMED", "field '" + key + "' appears twice");
            }
        }
        return new KeyValueMessage(fields);
    }

    /** The value of {@code key}, if present and not blank. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(fields.get(key)).filter(v -> !v.isBlank());
    }

    public String require(String key) throws RejectedMessage {
        return get(key).orElseThrow(() -> new RejectedMessage("MISSING_FIELD", "required field '" + key + "' is missing"));
    }

    /** Writes fields in their order; a value holding a line break cannot be written. */
    public static byte[] format(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder(256);
        fields.forEach((key, value) -> {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("field '" + key + "' holds a line break");
            }
            sb.append(key).append('=').append(value).append('\n');
        });
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
