package io.holdfast.journal.internal;

import io.holdfast.api.kernel.FieldEntry;
import io.holdfast.api.message.FieldMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Field records are stored compactly, one line per field (source, canonical, target, digest,
 * optional clear value, tab separated) in a few VARCHAR parts per stage: a message's 30 fields
 * cost one row, not 30.
 */
final class FieldCodec {
    static final int PART_CHARS = 30000;

    private FieldCodec() {
    }

    static String encode(List<FieldMapping> fields, FieldPolicy policy, UnaryOperator<String> digest) {
        StringBuilder sb = new StringBuilder(fields.size() * 96);
        for (FieldMapping f : fields) {
            sb.append(escape(f.sourcePath())).append('\t').append(escape(f.canonicalPath())).append('\t')
                    .append(escape(f.targetPath())).append('\t').append(digest.apply(f.value()));
            if (policy.clear(f.canonicalPath())) {
                sb.append('\t').append(escape(f.value()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static List<String> split(String body) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < body.length(); i += PART_CHARS) {
            parts.add(body.substring(i, Math.min(body.length(), i + PART_CHARS)));
        }
        return parts;
    }

    static List<FieldEntry> decode(String body) {
        List<FieldEntry> out = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] c = line.split("\t", -1);
            out.add(new FieldEntry(unescape(c[0]), unescape(c[1]), unescape(c[2]), c[3],
                    c.length > 4 ? Optional.of(unescape(c[4])) : Optional.empty()));
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
