package io.holdfast.simulator.apim;

import java.security.PublicKey;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Checks a signed-JWT client assertion as the NHS API platform does: RS512 with a {@code kid} the
 * application registered, iss = sub = the API key, aud = the token URL, {@code exp} in the future
 * and at most 5 minutes ahead, {@code jti} used once. Structural problems are 400 invalid_request;
 * failed authentication (unknown key, bad signature, wrong audience, expired) is 401 invalid_client.
 */
final class ClientAssertionVerifier {
    static final String ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final long MAX_LIFETIME_SECONDS = 300;
    private static final long LEEWAY_SECONDS = 5;

    private final ApplicationRegistry apps;
    private final Supplier<String> audience;
    private final Clock clock;
    private final Map<String, Long> usedJtis = new ConcurrentHashMap<>();

    ClientAssertionVerifier(ApplicationRegistry apps, Supplier<String> audience, Clock clock) {
        this.apps = apps;
        this.audience = audience;
        this.clock = clock;
    }

    /** @return the verified API key */
    String verify(Map<String, String> form) {
        if (!ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
            throw OAuthError.invalidRequest("Missing or invalid client_assertion_type - must be '" + ASSERTION_TYPE + "'");
        }
        String assertion = form.get("client_assertion");
        if (assertion == null || assertion.isBlank()) {
            throw OAuthError.invalidRequest("Missing client_assertion");
        }
        CompactJwt jwt;
        try {
            jwt = CompactJwt.parse(assertion);
        } catch (IllegalArgumentException e) {
            throw OAuthError.invalidRequest("Malformed JWT in client_assertion");
        }
        String apiKey = checkStructure(jwt);
        authenticate(jwt, apiKey);
        checkTimesAndReplay(jwt, apiKey);
        return apiKey;
    }

    private static String checkStructure(CompactJwt jwt) {
        if (!"RS512".equals(jwt.header("alg").orElse(""))) {
            throw OAuthError.invalidRequest("Invalid 'alg' header in JWT - unsupported JWT algorithm - must be 'RS512'");
        }
        if (jwt.header("kid").isEmpty()) {
            throw OAuthError.invalidRequest("Missing 'kid' header in JWT");
        }
        String iss = jwt.claim("iss").orElse("");
        if (iss.isEmpty() || !iss.equals(jwt.claim("sub").orElse(""))) {
            throw OAuthError.invalidRequest("Missing or non-matching iss/sub claims in JWT");
        }
        if (jwt.claim("jti").isEmpty()) {
            throw OAuthError.invalidRequest("Missing jti claim in JWT");
        }
        if (jwt.numericClaim("exp").isEmpty()) {
            throw OAuthError.invalidRequest("Missing exp claim in JWT");
        }
        return iss;
    }

    private void authenticate(CompactJwt jwt, String apiKey) {
        if (!apps.known(apiKey)) {
            throw OAuthError.invalidClient("Invalid iss/sub claims in JWT - no application has this API key");
        }
        PublicKey key = apps.key(apiKey, jwt.header("kid").orElseThrow())
                .orElseThrow(() -> OAuthError.invalidClient("Invalid 'kid' header in JWT - no matching public key"));
        if (!jwt.verifies("SHA512withRSA", key)) {
            throw OAuthError.invalidClient("Invalid JWT signature - it does not verify with the public key for this kid");
        }
        if (!jwt.hasAudience(audience.get())) {
            throw OAuthError.invalidClient("Missing or invalid aud claim in JWT - must be '" + audience.get() + "'");
        }
    }

    private void checkTimesAndReplay(CompactJwt jwt, String apiKey) {
        long now = clock.instant().getEpochSecond();
        long exp = jwt.numericClaim("exp").orElseThrow();
        if (exp <= now) {
            throw OAuthError.invalidClient("Invalid exp claim in JWT - JWT has expired");
        }
        if (exp > now + MAX_LIFETIME_SECONDS + LEEWAY_SECONDS) {
            throw OAuthError.invalidRequest("Invalid exp claim in JWT - more than 5 minutes in future");
        }
        usedJtis.values().removeIf(e -> e < now);
        if (usedJtis.putIfAbsent(apiKey + "|" + jwt.claim("jti").orElseThrow(), exp) != null) {
            throw OAuthError.invalidRequest("Non-unique jti claim in JWT");
        }
    }
}
