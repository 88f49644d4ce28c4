package io.holdfast.eps.internal.config;

import io.holdfast.api.error.InvalidConfigurationException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@link EpsConfig} checked: every value in range, or {@link InvalidConfigurationException} naming PID, key and range. */
public record EpsSettings(String systemId, Optional<String> prescriberOdsCode, Duration connectTimeout, Duration requestTimeout,
                          int maxResponseBytes, int maxAttempts, Duration maxRetryWait) {
    private static final Pattern SYSTEM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern ODS = Pattern.compile("[A-Z0-9]{3,6}");

    public static EpsSettings from(EpsConfig c) {
        String pid = EpsConfig.PID;
        String system = c.systemId() == null ? "" : c.systemId().trim();
        if (!SYSTEM_ID.matcher(system).matches()) {
            throw new InvalidConfigurationException(pid, "systemId", "an inventory id (letters, digits, . _ -; at most 64)", "is '" + system + "'");
        }
        String ods = c.prescriberOdsCode() == null ? "" : c.prescriberOdsCode().trim();
        if (!ods.isEmpty() && !ODS.matcher(ods).matches()) {
            throw new InvalidConfigurationException(pid, "prescriberOdsCode", "empty or an ODS code of 3-6 capital letters and digits", "is '" + ods + "'");
        }
        range(pid, "connectTimeoutSeconds", c.connectTimeoutSeconds(), 1, 60);
        range(pid, "requestTimeoutSeconds", c.requestTimeoutSeconds(), 1, 300);
        range(pid, "maxResponseBytes", c.maxResponseBytes(), 1024, 64 << 20);
        range(pid, "maxAttempts", c.maxAttempts(), 1, 10);
        range(pid, "maxRetryWaitSeconds", c.maxRetryWaitSeconds(), 1, 120);
        return new EpsSettings(system, ods.isEmpty() ? Optional.empty() : Optional.of(ods), Duration.ofSeconds(c.connectTimeoutSeconds()),
                Duration.ofSeconds(c.requestTimeoutSeconds()), c.maxResponseBytes(), c.maxAttempts(), Duration.ofSeconds(c.maxRetryWaitSeconds()));
    }

    /** The shipped defaults (tests, benchmarks). */
    public static EpsSettings defaults(String systemId) {
        return new EpsSettings(systemId, Optional.empty(), Duration.ofSeconds(5), Duration.ofSeconds(30), 4 << 20, 3, Duration.ofSeconds(10));
    }

    public EpsSettings withPrescriberOds(String ods) {
        return new EpsSettings(systemId, Optional.of(ods), connectTimeout, requestTimeout, maxResponseBytes, maxAttempts, maxRetryWait);
    }

    public EpsSettings withTimeout(Duration request) {
        return new EpsSettings(systemId, prescriberOdsCode, connectTimeout, request, maxResponseBytes, maxAttempts, maxRetryWait);
    }

    private static void range(String pid, String key, long v, long min, long max) {
        if (v < min || v > max) {
            throw new InvalidConfigurationException(pid, key, min + ".." + max, "is " + v);
        }
    }
}
