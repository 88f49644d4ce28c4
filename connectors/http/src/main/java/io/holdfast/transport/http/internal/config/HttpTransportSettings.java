package io.holdfast.transport.http.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Validated {@link HttpTransportConfig}. */
public record HttpTransportSettings(Duration connectTimeout, Duration responseTimeout, int maxResponseBytes, String defaultMethod,
                                    int maxReasonChars) {
    public static final List<String> METHODS = List.of("POST", "PUT", "PATCH");
    public static final HttpTransportSettings DEFAULTS = new HttpTransportSettings(Duration.ofSeconds(10), Duration.ofSeconds(30),
            1 << 20, "POST", 2000);

    public static HttpTransportSettings from(HttpTransportConfig c) {
        String pid = HttpTransportConfig.PID;
        range(pid, "connectTimeoutSeconds", c.connectTimeoutSeconds(), 1, 300);
        range(pid, "responseTimeoutSeconds", c.responseTimeoutSeconds(), 1, 600);
        range(pid, "maxResponseBytes", c.maxResponseBytes(), 1024, 100 * 1024 * 1024);
        range(pid, "maxReasonChars", c.maxReasonChars(), 200, 20_000);
        return new HttpTransportSettings(Duration.ofSeconds(c.connectTimeoutSeconds()), Duration.ofSeconds(c.responseTimeoutSeconds()),
                c.maxResponseBytes(), method(pid, "defaultMethod", c.defaultMethod()), c.maxReasonChars());
    }

    /** An allowed method, upper-cased; anything else names the PID (or route) and key. */
    public static String method(String where, String key, String value) {
        String m = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(m)) {
            throw new InvalidConfigurationException(where, key, String.join(", ", METHODS), "has '" + value + "'");
        }
        return m;
    }

    private static void range(String pid, String key, long value, long min, long max) {
        if (value < min || value > max) {
            throw new InvalidConfigurationException(pid, key, min + "-" + max, "has " + value);
        }
    }

    public HttpTransportSettings withResponseTimeout(Duration value) {
        return new HttpTransportSettings(connectTimeout, value, maxResponseBytes, defaultMethod, maxReasonChars);
    }

    public HttpTransportSettings withMaxResponseBytes(int value) {
        return new HttpTransportSettings(connectTimeout, responseTimeout, value, defaultMethod, maxReasonChars);
    }
}
