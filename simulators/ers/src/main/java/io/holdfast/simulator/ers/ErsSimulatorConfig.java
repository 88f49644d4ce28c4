package io.holdfast.simulator.ers;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * How to start an {@link ErsSimulator}: address, authentication, whether X-Request-ID is required, seed data.
 * {@code ErsSimulatorConfig.builder().build()} is an open (no token) simulator on a free loopback port with the
 * demo referrals.
 */
public final class ErsSimulatorConfig {
    final String host;
    final int port;
    final Optional<Function<String, Optional<ErsCaller>>> callers;
    final boolean requireRequestId;
    final boolean seedDemoReferrals;
    final int maxBodyBytes;
    final int threads;

    private ErsSimulatorConfig(Builder b) {
        this.host = b.host;
        this.port = b.port;
        this.callers = Optional.ofNullable(b.callers);
        this.requireRequestId = b.requireRequestId;
        this.seedDemoReferrals = b.seedDemoReferrals;
        this.maxBodyBytes = b.maxBodyBytes;
        this.threads = b.threads;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The defaults: open access, 127.0.0.1, a free port, X-Request-ID required, demo referrals loaded. */
    public static ErsSimulatorConfig defaults() {
        return builder().build();
    }

    /** Builder of {@link ErsSimulatorConfig}. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private Function<String, Optional<ErsCaller>> callers;
        private boolean requireRequestId = true;
        private boolean seedDemoReferrals = true;
        private int maxBodyBytes = 6 * 1024 * 1024;
        private int threads = 2;

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

        /**
         * Bearer tokens are required; {@code callers} says which application a token stands for and whether a CIS2 user
         * is present (empty = 401 NO_ACCESS). E.g. an APIM simulator's introspection:
         * {@code token -> apim.introspect(token).map(g -> new ErsCaller(g.apiKey(), g.userRestricted()))}.
         */
        public Builder callers(Function<String, Optional<ErsCaller>> callers) {
            this.callers = Objects.requireNonNull(callers);
            return this;
        }

        /** Bearer tokens are required and accepted when {@code activeToken} says so (e.g. {@code apim::isActiveToken}); every caller is user-restricted. */
        public Builder tokenValidator(Predicate<String> activeToken) {
            Objects.requireNonNull(activeToken);
            this.callers = token -> activeToken.test(token) ? Optional.of(ErsCaller.userRestricted("default")) : Optional.empty();
            return this;
        }

        /** Whether a request without X-Request-ID is refused (default true); a malformed one is refused either way. */
        public Builder requireRequestId(boolean require) {
            this.requireRequestId = require;
            return this;
        }

        /** Whether to load {@link SandboxReferrals} (default true). */
        public Builder seedDemoReferrals(boolean seed) {
            this.seedDemoReferrals = seed;
            return this;
        }

        /** Request bodies above this are refused with 413 (default 6 MiB: A020's 5 MB files fit). */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public ErsSimulatorConfig build() {
            return new ErsSimulatorConfig(this);
        }
    }
}
