package io.holdfast.simulator.eps;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How to start an {@link EpsSimulator}: {@code EpsSimulatorConfig.builder().port(0).build()}. Without a token rule the
 * API is open like the NHS sandbox (no token needed; every caller user-restricted).
 */
public final class EpsSimulatorConfig {
    private final String host;
    private final int port;
    private final Clock clock;
    private final int maxBodyBytes;
    private final int threads;
    private final Optional<Function<String, Optional<EpsCaller>>> callers;
    private final boolean enforceAccessModes;

    private EpsSimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.clock = b.clock;
        this.maxBodyBytes = b.maxBodyBytes;
        this.threads = b.threads;
        this.callers = Optional.ofNullable(b.callers);
        this.enforceAccessModes = b.enforceAccessModes != null ? b.enforceAccessModes : b.callersKnowAccessMode;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: 127.0.0.1, a free port, open access. */
    public static EpsSimulatorConfig defaults() {
        return builder().build();
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    Clock clock() {
        return clock;
    }

    int maxBodyBytes() {
        return maxBodyBytes;
    }

    int threads() {
        return threads;
    }

    Optional<Function<String, Optional<EpsCaller>>> callers() {
        return callers;
    }

    /** Whether application-restricted callers are refused (403) everywhere but nominated release. */
    public boolean enforceAccessModes() {
        return enforceAccessModes;
    }

    /** Builder of {@link EpsSimulatorConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = 4 * 1024 * 1024;
        private int threads = 2;
        private Function<String, Optional<EpsCaller>> callers;
        private boolean callersKnowAccessMode;
        private Boolean enforceAccessModes;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        /** 0 (the default) picks a free port. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0 to 65535: " + port);
            }
            this.port = port;
            return this;
        }

        /** The clock of $prepare timestamps, cancel response dates and stored-at times. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Request bodies above this are refused with 413 (default 4 MiB). */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /** Server I/O threads (default 2). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Bearer tokens are required and accepted when {@code activeToken} says so (e.g. {@code apim::isActiveToken});
         * every accepted caller is one user-restricted application, so access modes are not enforced unless
         * {@link #enforceAccessModes(boolean)} says so.
         */
        public Builder tokenValidator(Predicate<String> activeToken) {
            Objects.requireNonNull(activeToken);
            this.callers = token -> activeToken.test(token) ? Optional.of(EpsCaller.userRestricted("default")) : Optional.empty();
            this.callersKnowAccessMode = false;
            return this;
        }

        /**
         * Bearer tokens are required; {@code callers} says which application and access mode a token stands for (empty
         * = 401). Access modes are then enforced as published (see {@link #enforceAccessModes(boolean)}).
         */
        public Builder callers(Function<String, Optional<EpsCaller>> callers) {
            this.callers = Objects.requireNonNull(callers);
            this.callersKnowAccessMode = true;
            return this;
        }

        /**
         * Whether application-restricted callers get 403 FORBIDDEN on everything but releasing nominated prescriptions
         * ("Security and authorisation": the API is user-restricted except that one interaction). Default: yes with
         * {@link #callers}, no otherwise.
         */
        public Builder enforceAccessModes(boolean enforce) {
            this.enforceAccessModes = enforce;
            return this;
        }

        public EpsSimulatorConfig build() {
            if (maxBodyBytes < 1 || threads < 1) {
                throw new IllegalArgumentException("maxBodyBytes and threads must be positive: " + maxBodyBytes + ", " + threads);
            }
            return new EpsSimulatorConfig(this);
        }
    }
}
