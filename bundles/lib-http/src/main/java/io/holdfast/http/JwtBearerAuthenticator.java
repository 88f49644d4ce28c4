package io.holdfast.http;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.http.internal.jwt.JwtClaims;
import io.holdfast.http.internal.jwt.JwtRejected;
import io.holdfast.http.internal.jwt.JwtVerifier;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code Authorization: Bearer <JWT>} checked against a JWKS: signature (RS256, RS512, ES256 with
 * the JDK's own crypto), {@code exp}, {@code nbf}, {@code iss}, {@code aud}. The identity is
 * {@code jwt:<sub>} with the signing key's {@code kid}; the token itself is never logged or kept.
 */
public final class JwtBearerAuthenticator implements RequestAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JwtBearerAuthenticator.class);
    private final JwtVerifier verifier;

    public JwtBearerAuthenticator(JwksSource jwks, JwtPolicy policy, Clock clock) {
        this.verifier = new JwtVerifier(jwks, policy, clock);
    }

    @Override
    public AuthOutcome authenticate(HttpCall call) {
        Optional<String> authorization = call.header("Authorization");
        if (authorization.isEmpty() || !authorization.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return new AuthOutcome.Denied("no bearer token", "Bearer");
        }
        try {
            JwtClaims claims = verifier.verify(authorization.get().substring(7).trim());
            return new AuthOutcome.Authenticated(new CredentialIdentity("jwt:" + claims.subject(), 0, Optional.empty(), claims.keyId()));
        } catch (JwtRejected e) {
            return new AuthOutcome.Denied(e.getMessage(), "Bearer error=\"invalid_token\"");
        } catch (HoldfastException e) {
            LOG.warn("Bearer token not checked: {}", e.describe());
            return new AuthOutcome.Denied("token issuer keys unavailable", "Bearer error=\"invalid_token\"");
        }
    }
}
