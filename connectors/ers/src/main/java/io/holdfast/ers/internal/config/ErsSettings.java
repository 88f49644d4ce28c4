package io.holdfast.ers.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.regex.Pattern;

/** {@link ErsConfig} checked: every value in range, or {@link InvalidConfigurationException} naming PID, key and range. */
public record ErsSettings(String systemId, Duration connectTimeout, Duration requestTimeout, int maxResponseBytes, int maxAttempts,
                          Duration maxRetryWait) {
    static final Pattern SYSTEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public static ErsSettings from(ErsConfig c) {
        String pid = ErsConfig.PID;
        String system = c.systemId() == null ? "" : c.systemId().trim();
        if (!SYSTEM_ID.matcher(system).matches()) {
            throw new InvalidConfigurationException(pid, "systemId", "an inventory id (letters, digits, . _ -; at most 64)", "is '" + system + "'");
        }
        range(pid, "connectTimeoutSeconds", c.connectTimeoutSeconds(), 1, 60);
        range(pid, "requestTimeoutSeconds", c.requestTimeoutSeconds(), 1, 300);
        range(pid, "maxResponseBytes", c.maxResponseBytes(), 1024, 64 << 20);
        range(pid, "maxAttempts", c.maxAttempts(), 1, 10);
        range(pid, "maxRetryWaitSeconds", c.maxRetryWaitSeconds(), 1, 120);
        return new ErsSettings(system, Duration.ofSeconds(c.connectTimeoutSeconds()), Duration.ofSeconds(c.requestTimeoutSeconds()),
                c.maxResponseBytes(), c.maxAttempts(), Duration.ofSeconds(c.maxRetryWaitSeconds()));
    }

    /** The shipped defaults (tests). */
    public static ErsSettings defaults(String systemId) {
        return new ErsSettings(systemId, Duration.ofSeconds(5), Duration.ofSeconds(30), 10 << 20, 3, Duration.ofSeconds(10));
    }

    public ErsSettings withRetries(int attempts, Duration maxWait) {
        return new ErsSettings(systemId, connectTimeout, requestTimeout, maxResponseBytes, attempts, maxWait);
    }

    public ErsSettings withTimeouts(Duration request, int maxBytes) {
        return new ErsSettings(systemId, connectTimeout, request, maxBytes, maxAttempts, maxRetryWait);
    }

    static void range(String pid, String key, long v, long min, long max) {
        if (v < min || v > max) {
            throw new InvalidConfigurationException(pid, key, min + ".." + max, "is " + v);
        }
    }
}
