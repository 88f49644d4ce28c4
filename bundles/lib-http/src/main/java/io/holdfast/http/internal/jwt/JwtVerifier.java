package io.holdfast.http.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.http.JsonWebKey;
import io.holdfast.http.JwksSource;
import io.holdfast.http.JwtPolicy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * Verifies a compact JWS: header {@code alg} must be one the policy allows (never {@code none}, never
 * HMAC), the key is chosen by {@code kid} (or the only key of the right type when the token has none),
 * then the signature, then the claims. JDK crypto only.
 */
public final class JwtVerifier {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JwksSource jwks;
    private final JwtPolicy policy;
    private final Clock clock;

    public JwtVerifier(JwksSource jwks, JwtPolicy policy, Clock clock) {
        this.jwks = jwks;
        this.policy = policy;
        this.clock = clock;
    }

    public JwtClaims verify(String token) throws JwtRejected {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw new JwtRejected("token is not a signed JWT (three dot-separated parts)");
        }
        JsonNode header = json(parts[0], "header");
        String alg = header.path("alg").asText("");
        if (!policy.algorithms().contains(alg)) {
            throw new JwtRejected("token algorithm '" + alg + "' not allowed; allowed: " + policy.algorithms());
        }
        Optional<String> kid = header.hasNonNull("kid") ? Optional.of(header.get("kid").asText()) : Optional.empty();
        JsonWebKey key = key(kid, alg);
        byte[] signed = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!signatureValid(alg, key, signed, decode(parts[2], "signature"))) {
            throw new JwtRejected("token signature does not verify");
        }
        JsonNode claims = json(parts[1], "claims");
        checkClaims(claims);
        return new JwtClaims(claims.path("sub").asText("unknown"), kid);
    }

    private JsonWebKey key(Optional<String> kid, String alg) throws JwtRejected {
        Optional<JsonWebKey> found = select(jwks.keys(false), kid, alg);
        if (found.isEmpty()) {
            found = select(jwks.keys(true), kid, alg);
        }
        return found.orElseThrow(() -> new JwtRejected("no key in the JWKS for kid " + kid.orElse("(none)") + " and alg " + alg));
    }

    private static Optional<JsonWebKey> select(List<JsonWebKey> keys, Optional<String> kid, String alg) {
        List<JsonWebKey> candidates = keys.stream()
                .filter(k -> kid.isEmpty() || k.kid().equals(kid))
                .filter(k -> k.alg().map(alg::equals).orElse(true))
                .filter(k -> alg.startsWith("RS") ? k.key() instanceof RSAPublicKey : k.key() instanceof ECPublicKey)
                .toList();
        // without a kid only an unambiguous key is used
        return candidates.size() == 1 || (kid.isPresent() && !candidates.isEmpty()) ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static boolean signatureValid(String alg, JsonWebKey key, byte[] signed, byte[] signature) throws JwtRejected {
        String jca = switch (alg) {
            case "RS256" -> "SHA256withRSA";
            case "RS512" -> "SHA512withRSA";
            case "ES256" -> "SHA256withECDSAinP1363Format";
            default -> throw new JwtRejected("token algorithm '" + alg + "' not supported");
        };
        try {
            Signature verifier = Signature.getInstance(jca);
            verifier.initVerify(key.key());
            verifier.update(signed);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void checkClaims(JsonNode claims) throws JwtRejected {
        Instant now = clock.instant();
        if (!claims.path("exp").isNumber()) {
            throw new JwtRejected("token has no exp claim");
        }
        if (now.isAfter(Instant.ofEpochSecond(claims.get("exp").asLong()).plus(policy.clockSkew()))) {
            throw new JwtRejected("token expired");
        }
        if (claims.path("nbf").isNumber() && now.plus(policy.clockSkew()).isBefore(Instant.ofEpochSecond(claims.get("nbf").asLong()))) {
            throw new JwtRejected("token not yet valid (nbf)");
        }
        if (!policy.issuer().equals(claims.path("iss").asText(null))) {
            throw new JwtRejected("token issuer is not " + policy.issuer());
        }
        JsonNode aud = claims.path("aud");
        boolean audienceOk = aud.isTextual() ? aud.asText().equals(policy.audience())
                : aud.isArray() && java.util.stream.StreamSupport.stream(aud.spliterator(), false).anyMatch(a -> policy.audience().equals(a.asText()));
        if (!audienceOk) {
            throw new JwtRejected("token audience does not include " + policy.audience());
        }
    }

    private static JsonNode json(String part, String what) throws JwtRejected {
        try {
            JsonNode node = JSON.readTree(decode(part, what));
            if (node == null || !node.isObject()) {
                throw new JwtRejected("token " + what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new JwtRejected("token " + what + " is not JSON");
        }
    }

    private static byte[] decode(String part, String what) throws JwtRejected {
        try {
            return Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new JwtRejected("token " + what + " is not base64url");
        }
    }
}
