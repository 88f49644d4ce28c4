package io.holdfast.http;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one factory configuration's raw properties (as Karaf's file installer delivers them: strings)
 * with the typed checks every HTTP component needs; each rejected value is an
 * {@link InvalidConfigurationException} naming the PID, the key and the allowed values.
 */
public final class FactoryConfig {
    private static final String NAME_RULE = "[A-Za-z0-9][A-Za-z0-9._-]{0,62}";
    private final String factoryPid;
    private final Map<String, ?> props;
    private final String name;
    private final String pid;

    private FactoryConfig(String factoryPid, Map<String, ?> props) {
        this.factoryPid = factoryPid;
        this.props = Map.copyOf(props);
        this.name = nameOf(factoryPid, props);
        Object rawPid = props.get("service.pid");
        this.pid = rawPid == null ? factoryPid + "-" + name : rawPid.toString();
        if (!name.matches(NAME_RULE)) {
            throw new InvalidConfigurationException(pid, "name", "letters, digits, '.', '_' and '-' (max 63)", "is '" + name + "'");
        }
    }

    public static FactoryConfig of(String factoryPid, Map<String, ?> props) {
        return new FactoryConfig(factoryPid, props);
    }

    /**
     * {@code name}, else the part of the file name after {@code <factoryPid>-} (file installer and
     * feature configs), else the part of the PID after {@code ~}.
     */
    private static String nameOf(String factoryPid, Map<String, ?> props) {
        Object explicit = props.get("name");
        if (explicit != null && !explicit.toString().isBlank()) {
            return explicit.toString().trim();
        }
        for (String key : List.of("felix.fileinstall.filename", "org.apache.karaf.features.configKey")) {
            Object v = props.get(key);
            if (v != null) {
                String file = v.toString().replace('\\', '/');
                file = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.cfg$", "");
                if (file.startsWith(factoryPid + "-")) {
                    return file.substring(factoryPid.length() + 1);
                }
            }
        }
        Object rawPid = props.get("service.pid");
        String text = rawPid == null ? "" : rawPid.toString();
        int tilde = text.indexOf('~');
        return tilde >= 0 ? text.substring(tilde + 1) : text.substring(text.lastIndexOf('.') + 1);
    }

    public String name() {
        return name;
    }

    public String pid() {
        return pid;
    }

    public String factoryPid() {
        return factoryPid;
    }

    public String string(String key, String dflt) {
        Object v = props.get(key);
        return v == null || v.toString().isBlank() ? dflt : v.toString().trim();
    }

    /** A value that must be set. */
    public String required(String key, String allowed) {
        String v = string(key, "");
        if (v.isEmpty()) {
            throw invalid(key, allowed, "is missing");
        }
        return v;
    }

    public long number(String key, long dflt, long min, long max) {
        String text = string(key, String.valueOf(dflt));
        String allowed = "an integer from " + min + " to " + max;
        try {
            long v = Long.parseLong(text);
            if (v < min || v > max) {
                throw invalid(key, allowed, "is " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid(key, allowed, "is '" + text + "'");
        }
    }

    public int integer(String key, int dflt, int min, int max) {
        return (int) number(key, dflt, min, max);
    }

    /** Milliseconds or ISO-8601 ({@code PT30S}); not negative. */
    public Duration duration(String key, Duration dflt) {
        String text = string(key, dflt.toString());
        String allowed = "milliseconds or an ISO-8601 duration such as PT30S";
        try {
            Duration d = text.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(text)) : Duration.parse(text);
            if (d.isNegative()) {
                throw invalid(key, allowed, "is negative");
            }
            return d;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw invalid(key, allowed, "is '" + text + "'");
        }
    }

    /** One of {@code allowed} (case-insensitive), returned in lower case. */
    public String choice(String key, String dflt, String... allowed) {
        String v = string(key, dflt).toLowerCase(Locale.ROOT);
        if (Arrays.stream(allowed).noneMatch(v::equals)) {
            throw invalid(key, String.join(", ", allowed), "is '" + v + "'");
        }
        return v;
    }

    /** A comma-separated list (also a String[] or collection from ConfigurationAdmin), trimmed, without blanks. */
    public List<String> list(String key) {
        return list(key, ",");
    }

    /**
     * A list separated by {@code separator} (a literal, e.g. {@code ;} for distinguished names, which
     * contain commas), trimmed, without blanks.
     */
    public List<String> list(String key, String separator) {
        Object v = props.get(key);
        if (v == null) {
            return List.of();
        }
        String joined = v instanceof String[] a ? String.join(separator, a)
                : v instanceof java.util.Collection<?> c ? String.join(separator, c.stream().map(String::valueOf).toList()) : v.toString();
        return Arrays.stream(joined.split(java.util.regex.Pattern.quote(separator))).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public InvalidConfigurationException invalid(String key, String allowed, String problem) {
        return new InvalidConfigurationException(pid, key, allowed, problem);
    }
}
