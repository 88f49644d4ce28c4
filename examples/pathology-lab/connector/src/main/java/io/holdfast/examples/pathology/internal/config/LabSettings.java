package io.holdfast.examples.pathology.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A validated lab configuration, built from the raw ConfigAdmin properties (not the typed annotation),
 * so {@code pageSize=abc} fails with the PID, the key and the allowed values instead of becoming 0.
 */
public record LabSettings(String name, String pid, String system, String resultsPath, Duration pollInterval, int pageSize,
                          int maxResponseBytes, Duration requestTimeout, Retry retry, String initialCursor,
                          String accessionAuthority, ZoneId timeZone) {

    /** Bounded retries within one poll: tries, first wait (doubled each try) and the longest wait. */
    public record Retry(int maxAttempts, Duration backoff, Duration backoffMax) {
        /** The wait after try {@code attempt} (1-based): backoff x 2^(attempt-1), at least {@code retryAfter}, at most backoffMax. */
        public Duration delayAfter(int attempt, Duration retryAfter) {
            Duration exponential = backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
            Duration wanted = exponential.compareTo(retryAfter) >= 0 ? exponential : retryAfter;
            return wanted.compareTo(backoffMax) <= 0 ? wanted : backoffMax;
        }
    }

    public static final String FACTORY_PID = "io.holdfast.examples.pathology.lab";
    /** A cursor the connector stores and sends back: what it accepts from the lab and from {@code initialCursor}. */
    public static final String CURSOR_PATTERN = "[\\x21-\\x7E]{0,128}";
    private static final String ID = "[a-z0-9][a-z0-9._-]{0,63}";

    /**
     * The lab name: {@code name} property, else the part of the file name after
     * {@code io.holdfast.examples.pathology.lab-} (Karaf's file installer and feature configs), else the part of
     * a ConfigAdmin PID after {@code ~} (a configuration made in code with a name).
     */
    public static String nameOf(Map<String, ?> props) {
        Object explicit = props.get("name");
        if (explicit != null && !explicit.toString().isBlank()) {
            return explicit.toString().trim();
        }
        for (String key : new String[] {"felix.fileinstall.filename", "org.apache.karaf.features.configKey"}) {
            Object v = props.get(key);
            if (v != null) {
                String file = v.toString().replace('\\', '/');
                file = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.cfg$", "");
                if (file.startsWith(FACTORY_PID + "-")) {
                    return file.substring(FACTORY_PID.length() + 1);
                }
            }
        }
        Object rawPid = props.get("service.pid");
        String pid = rawPid == null ? FACTORY_PID : rawPid.toString();
        int tilde = pid.indexOf('~');
        return tilde >= 0 ? pid.substring(tilde + 1) : pid.substring(pid.lastIndexOf('.') + 1);
    }

    public static LabSettings from(Map<String, ?> props) {
        String name = nameOf(props);
        Object rawPid = props.get("service.pid");
        String pid = rawPid == null ? FACTORY_PID + "-" + name : rawPid.toString();
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}")) {
            throw new InvalidConfigurationException(pid, "name", "letters, digits, '.', '_' and '-' (at most 63)", "is '" + name + "'");
        }
        String system = string(props, "system", "");
        if (!system.matches(ID)) {
            throw new InvalidConfigurationException(pid, "system", "the inventory id of the lab (lowercase letters, digits, '.', '_', '-')",
                    system.isEmpty() ? "is missing" : "is '" + system + "'");
        }
        String path = string(props, "resultsPath", "/results");
        if (!path.matches("/[A-Za-z0-9/._~-]*")) {
            throw new InvalidConfigurationException(pid, "resultsPath", "a path starting with '/', without query or fragment",
                    "is '" + path + "'");
        }
        Duration interval = duration(props, pid, "pollInterval", Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofHours(24));
        int pageSize = integer(props, pid, "pageSize", 100, 1, 1000);
        int maxBytes = integer(props, pid, "maxResponseBytes", 1024 * 1024, 1024, 64 * 1024 * 1024);
        Duration timeout = duration(props, pid, "requestTimeout", Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(10));
        Retry retry = new Retry(integer(props, pid, "maxAttempts", 3, 1, 10),
                duration(props, pid, "retryBackoff", Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ofMinutes(10)),
                duration(props, pid, "retryBackoffMax", Duration.ofSeconds(60), Duration.ofMillis(10), Duration.ofHours(1)));
        String cursor = string(props, "initialCursor", "");
        if (!cursor.matches(CURSOR_PATTERN)) {
            throw new InvalidConfigurationException(pid, "initialCursor", "up to 128 printable ASCII characters without spaces; empty = from the start",
                    "is not such a text");
        }
        String authority = string(props, "accessionAuthority", system);
        if (!authority.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new InvalidConfigurationException(pid, "accessionAuthority", "1-64 letters, digits, '.', '_', '-'", "is '" + authority + "'");
        }
        return new LabSettings(name, pid, system, path, interval, pageSize, maxBytes, timeout, retry, cursor, authority, zone(props, pid));
    }

    /** The lab's channel in the journal and the source routes match: {@code pathology:<name>}. */
    public String channel() {
        return "pathology:" + name;
    }

    private static ZoneId zone(Map<String, ?> props, String pid) {
        String text = string(props, "timeZone", "Europe/London");
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new InvalidConfigurationException(pid, "timeZone", "a region id such as Europe/London", "is '" + text + "'");
        }
    }

    private static String string(Map<String, ?> props, String key, String fallback) {
        Object v = props.get(key);
        return v == null || v.toString().isBlank() ? fallback : v.toString().trim();
    }

    private static int integer(Map<String, ?> props, String pid, String key, int fallback, int min, int max) {
        Object v = props.get(key);
        String allowed = "an integer from " + min + " to " + max;
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        try {
            int n = v instanceof Number num ? num.intValue() : Integer.parseInt(v.toString().trim());
            if (n < min || n > max) {
                throw new InvalidConfigurationException(pid, key, allowed, "is " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new InvalidConfigurationException(pid, key, allowed, "is '" + v + "'");
        }
    }

    private static Duration duration(Map<String, ?> props, String pid, String key, Duration fallback, Duration min, Duration max) {
        Object v = props.get(key);
        String allowed = "an ISO-8601 duration from " + min + " to " + max + " (e.g. PT30S)";
        if (v == null || v.toString().isBlank()) {
            return fallback;
        }
        try {
            Duration d = Duration.parse(v.toString().trim());
            if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
                throw new InvalidConfigurationException(pid, key, allowed, "is " + d);
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new InvalidConfigurationException(pid, key, allowed, "is '" + v + "'");
        }
    }
}
