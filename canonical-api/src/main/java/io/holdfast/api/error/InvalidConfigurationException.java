package io.holdfast.api.error;

import java.util.Objects;

/** A configuration value was rejected at activation. Names the PID, the key and what is allowed. */
@org.osgi.annotation.versioning.ProviderType
public final class InvalidConfigurationException extends HoldfastException {
    private static final long serialVersionUID = 1L;
    private final String pid;
    private final String key;
    private final String allowed;

    public InvalidConfigurationException(String pid, String key, String allowed, String problem) {
        super(ErrorCode.INVALID_CONFIGURATION,
                "Configuration " + pid + ": key '" + key + "' " + problem + "; allowed: " + allowed);
        this.pid = Objects.requireNonNull(pid);
        this.key = Objects.requireNonNull(key);
        this.allowed = Objects.requireNonNull(allowed);
    }

    public String pid() {
        return pid;
    }

    public String key() {
        return key;
    }

    public String allowed() {
        return allowed;
    }
}
