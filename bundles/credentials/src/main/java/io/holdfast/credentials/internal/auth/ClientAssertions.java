package io.holdfast.credentials.internal.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The NHS API platform's client assertion: a compact JWS signed RS512 (JDK {@code SHA512withRSA}),
 * header {@code alg, typ, kid}, claims iss = sub = API key, aud = token URL, a fresh {@code jti},
 * {@code exp} at most 5 minutes ahead.
 */
final class ClientAssertions {
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientAssertions() {
    }

    static String sign(PrivateKey key, String kid, String apiKey, String tokenUrl, Instant now, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("assertion lifetime must be within 5 minutes, not " + lifetime);
        }
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", "RS512");
        header.put("typ", "JWT");
        header.put("kid", kid);
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", apiKey);
        claims.put("sub", apiKey);
        claims.put("aud", tokenUrl);
        claims.put("jti", UUID.randomUUID().toString());
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(JSON.writeValueAsBytes(header)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
            Signature signer = Signature.getInstance("SHA512withRSA");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(signer.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new HoldfastException(ErrorCode.AUTH_FAILED, "could not sign the client assertion with key " + kid
                    + " (" + e.getClass().getSimpleName() + ")", e);
        }
    }
}
