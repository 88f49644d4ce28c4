package io.holdfast.ers.internal;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.kernel.UserTokenExchange;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.AuthPattern;
import io.holdfast.api.spi.AuthProvider;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.simulator.ers.ErsCaller;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Stand-ins for the APIM token endpoint: an application-restricted provider (pattern OAUTH2_SIGNED_JWT) handing out a
 * fixed bearer token, and a CIS2 token exchange turning a user's ID token into {@code user-<id token>}. The e-RS
 * simulator is told which token is which caller ({@link #callers()}), as APIM's introspection would.
 */
public final class TestAuth {
    public static final CredentialIdentity APP_IDENTITY = new CredentialIdentity("ers-app", 3, Optional.empty(), Optional.of("ers-kid-1"));
    public static final CredentialIdentity USER_IDENTITY = new CredentialIdentity("ers-app", 3, Optional.empty(), Optional.of("cis2-exchange"));

    private TestAuth() {
    }

    /** {@code app-*} tokens are application-restricted, {@code user-*} tokens carry a CIS2 user. */
    public static Function<String, Optional<ErsCaller>> callers() {
        return token -> {
            String t = token.startsWith("Bearer ") ? token.substring(7) : token;
            if (t.startsWith("user-")) {
                return Optional.of(ErsCaller.userRestricted("holdfast-test"));
            }
            return t.startsWith("app-") ? Optional.of(ErsCaller.applicationRestricted("holdfast-test")) : Optional.empty();
        };
    }

    /** An OAUTH2_SIGNED_JWT provider whose token is {@code token}; counts invalidations. */
    public static final class Provider implements AuthProvider {
        public final AtomicInteger invalidations = new AtomicInteger();
        private final String token;
        private final CredentialIdentity identity;

        public Provider(String token, CredentialIdentity identity) {
            this.token = token;
            this.identity = identity;
        }

        @Override
        public AuthPattern pattern() {
            return AuthPattern.OAUTH2_SIGNED_JWT;
        }

        @Override
        public AuthMaterial authenticate(DownstreamSystem system) {
            return new AuthMaterial.Headers(Map.of("Authorization", "Bearer " + token), Optional.empty(), Instant.now().plusSeconds(300), identity);
        }

        @Override
        public void invalidate(DownstreamSystem system) {
            invalidations.incrementAndGet();
        }
    }

    public static UserTokenExchange exchange() {
        return new UserTokenExchange() {
            @Override
            public AuthMaterial.Headers exchange(DownstreamSystem system, String subjectToken) {
                return new AuthMaterial.Headers(Map.of("Authorization", "Bearer user-" + subjectToken), Optional.empty(),
                        Instant.now().plusSeconds(300), USER_IDENTITY);
            }

            @Override
            public void invalidate(DownstreamSystem system, String subjectToken) {
                // nothing cached
            }
        };
    }
}
