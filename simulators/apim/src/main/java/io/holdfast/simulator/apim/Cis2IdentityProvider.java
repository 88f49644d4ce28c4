package io.holdfast.simulator.apim;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in for NHS CIS2 (smartcard sign-in): mints RS512-signed ID tokens for a user, and checks
 * the ID tokens presented as {@code subject_token} in a token exchange (signature, issuer, audience
 * = the exchanging application's API key, expiry).
 */
public final class Cis2IdentityProvider {
    private volatile KeyPair key;
    private final String issuer;
    private final Clock clock;

    Cis2IdentityProvider(String issuer, Clock clock) {
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Made on first use: most simulator runs never see a CIS2 user, and RSA key generation is slow. */
    private KeyPair key() {
        KeyPair k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    try {
                        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                        g.initialize(2048);
                        key = g.generateKeyPair();
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException(e);
                    }
                }
                k = key;
            }
        }
        return k;
    }

    public String issuer() {
        return issuer;
    }

    public PublicKey publicKey() {
        return key().getPublic();
    }

    /** An ID token for {@code userId} (the smartcard user's UUID) issued to the application {@code apiKey}. */
    public String issueIdToken(String userId, String apiKey, Duration lifetime) {
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", userId);
        claims.put("aud", apiKey);
        claims.put("iat", now);
        claims.put("exp", now + lifetime.getSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("acr", "AAL3_ANY");
        return JwtSigner.sign(Map.of("alg", "RS512", "typ", "JWT", "kid", "cis2-sim"), claims, key().getPrivate());
    }

    /** @return the user id (sub) of a valid ID token issued to {@code apiKey} */
    String verify(String idToken, String apiKey) {
        CompactJwt jwt;
        try {
            jwt = CompactJwt.parse(idToken);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("Invalid subject_token - malformed JWT");
        }
        if (!jwt.verifies("SHA512withRSA", key().getPublic())) {
            throw OAuthError.invalidRequest("Invalid subject_token - signature does not verify with the CIS2 key");
        }
        if (!issuer.equals(jwt.claim("iss").orElse(""))) {
            throw OAuthError.invalidRequest("Invalid subject_token - iss is not " + issuer);
        }
        if (!jwt.hasAudience(apiKey)) {
            throw OAuthError.invalidRequest("Invalid subject_token - aud is not the requesting application");
        }
        if (jwt.numericClaim("exp").orElse(0L) <= clock.instant().getEpochSecond()) {
            throw OAuthError.invalidRequest("Invalid subject_token - expired");
        }
        return jwt.claim("sub").orElseThrow(() -> OAuthError.invalidRequest("Invalid subject_token - missing sub"));
    }
}
