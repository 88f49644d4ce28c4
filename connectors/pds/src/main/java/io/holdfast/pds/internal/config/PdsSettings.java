package io.holdfast.pds.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.regex.Pattern;

/** {@link PdsConfig} checked: every value in range, or {@link InvalidConfigurationException} naming PID, key and range. */
public record PdsSettings(String systemId, int tps, Duration cacheTtl, int cacheMaxEntries, Duration connectTimeout,
                          Duration requestTimeout, int maxResponseBytes, int maxAttempts, Duration maxRetryWait, Duration rateWait) {
    private static final Pattern SYSTEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public static PdsSettings from(PdsConfig c) {
        String pid = PdsConfig.PID;
        String system = c.systemId() == null ? "" : c.systemId().trim();
        if (!SYSTEM_ID.matcher(system).matches()) {
            throw new InvalidConfigurationException(pid, "systemId", "an inventory id (letters, digits, . _ -; at most 64)", "is '" + system + "'");
        }
        range(pid, "tps", c.tps(), 1, 100);
        range(pid, "cacheTtlSeconds", c.cacheTtlSeconds(), 0, 86_400);
        range(pid, "cacheMaxEntries", c.cacheMaxEntries(), 1, 1_000_000);
        range(pid, "connectTimeoutSeconds", c.connectTimeoutSeconds(), 1, 60);
        range(pid, "requestTimeoutSeconds", c.requestTimeoutSeconds(), 1, 120);
        range(pid, "maxResponseBytes", c.maxResponseBytes(), 1024, 64 << 20);
        range(pid, "maxAttempts", c.maxAttempts(), 1, 10);
        range(pid, "maxRetryWaitSeconds", c.maxRetryWaitSeconds(), 1, 120);
        range(pid, "rateWaitSeconds", c.rateWaitSeconds(), 1, 300);
        return new PdsSettings(system, c.tps(), Duration.ofSeconds(c.cacheTtlSeconds()), c.cacheMaxEntries(),
                Duration.ofSeconds(c.connectTimeoutSeconds()), Duration.ofSeconds(c.requestTimeoutSeconds()), c.maxResponseBytes(),
                c.maxAttempts(), Duration.ofSeconds(c.maxRetryWaitSeconds()), Duration.ofSeconds(c.rateWaitSeconds()));
    }

    /** The shipped defaults (tests, benchmarks). */
    public static PdsSettings defaults(String systemId) {
        return new PdsSettings(systemId, 5, Duration.ZERO, 10_000, Duration.ofSeconds(5), Duration.ofSeconds(15), 1 << 20, 3,
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    public PdsSettings withTps(int value) {
        return new PdsSettings(systemId, value, cacheTtl, cacheMaxEntries, connectTimeout, requestTimeout, maxResponseBytes, maxAttempts,
                maxRetryWait, rateWait);
    }

    public PdsSettings withCache(Duration ttl, int maxEntries) {
        return new PdsSettings(systemId, tps, ttl, maxEntries, connectTimeout, requestTimeout, maxResponseBytes, maxAttempts,
                maxRetryWait, rateWait);
    }

    public PdsSettings withRetries(int attempts, Duration maxWait) {
        return new PdsSettings(systemId, tps, cacheTtl, cacheMaxEntries, connectTimeout, requestTimeout, maxResponseBytes, attempts,
                maxWait, rateWait);
    }

    public PdsSettings withTimeouts(Duration request, int maxBytes) {
        return new PdsSettings(systemId, tps, cacheTtl, cacheMaxEntries, connectTimeout, request, maxBytes, maxAttempts, maxRetryWait,
                rateWait);
    }

    private static void range(String pid, String key, long v, long min, long max) {
        if (v < min || v > max) {
            throw new InvalidConfigurationException(pid, key, min + ".." + max, "is " + v);
        }
    }
}
