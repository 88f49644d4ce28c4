package io.holdfast.api.event;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.TemporalAccessor;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * SHA-256 over a normalised text form of an event's content. Components annotated
 * {@link DigestExcluded} are left out, strings are trimmed, maps are sorted by key, so the digest
 * changes only when clinical content changes.
 */
@org.osgi.annotation.versioning.ProviderType
public record ContentDigest(String hex) {
    public ContentDigest {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a content digest is 64 hex characters");
        }
    }

    /** Digest of a record (well-known events and vendors' own record types). */
    public static ContentDigest of(Object event) {
        return ofText(normalise(event));
    }

    /** Digest of an already normalised text. */
    public static ContentDigest ofText(String normalised) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return new ContentDigest(HexFormat.of().formatHex(md.digest(normalised.getBytes(StandardCharsets.UTF_8))));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The normalised form the digest is computed over (exposed for tests and diagnostics). */
    public static String normalise(Object value) {
        StringBuilder sb = new StringBuilder(256);
        write(sb, value);
        return sb.toString();
    }

    private static void write(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append('~');
        } else if (v instanceof Optional<?> o) {
            write(sb, o.orElse(null));
        } else if (v instanceof CharSequence s) {
            sb.append('"').append(s.toString().trim().replace("\"", "\\\"")).append('"');
        } else if (v instanceof BigDecimal d) {
            sb.append(d.stripTrailingZeros().toPlainString());
        } else if (v instanceof Number || v instanceof Boolean || v instanceof Character) {
            sb.append(v);
        } else if (v instanceof Enum<?> e) {
            sb.append(e.name());
        } else if (v instanceof TemporalAccessor t) {
            sb.append(t);
        } else if (v instanceof io.holdfast.api.model.NhsNumber n) {
            sb.append(n.value());
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            for (Object item : c) {
                write(sb, item);
                sb.append(',');
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            new TreeMap<>(stringKeys(m)).forEach((k, val) -> {
                sb.append(k).append('=');
                write(sb, val);
                sb.append(',');
            });
            sb.append('}');
        } else if (v.getClass().isRecord()) {
            writeRecord(sb, v);
        } else {
            sb.append(v);
        }
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m) {
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, val) -> out.put(String.valueOf(k), val));
        return out;
    }

    private static void writeRecord(StringBuilder sb, Object rec) {
        sb.append(rec.getClass().getSimpleName()).append('(');
        for (RecordComponent rc : rec.getClass().getRecordComponents()) {
            if (rc.isAnnotationPresent(DigestExcluded.class)) {
                continue;
            }
            sb.append(rc.getName()).append('=');
            try {
                write(sb, rc.getAccessor().invoke(rec));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + rc.getName() + " of " + rec.getClass().getName(), e);
            }
            sb.append(';');
        }
        sb.append(')');
    }
}
