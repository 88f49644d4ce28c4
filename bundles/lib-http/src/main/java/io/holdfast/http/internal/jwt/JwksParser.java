package io.holdfast.http.internal.jwt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.http.JsonWebKey;
import java.io.IOException;
import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Reads a JWKS document ({@code {"keys":[...]}}): RSA keys and EC P-256 keys; others are skipped. */
public final class JwksParser {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JwksParser() {
    }

    public static List<JsonWebKey> parse(byte[] document, String origin) {
        JsonNode keys;
        try {
            keys = JSON.readTree(document).path("keys");
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.AUTH_FAILED, "JWKS " + origin + " is not JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (!keys.isArray()) {
            throw new HoldfastException(ErrorCode.AUTH_FAILED, "JWKS " + origin + " has no \"keys\" array");
        }
        List<JsonWebKey> result = new ArrayList<>();
        for (JsonNode key : keys) {
            String use = key.path("use").asText("sig");
            toPublicKey(key, origin).filter(k -> use.equals("sig"))
                    .ifPresent(k -> result.add(new JsonWebKey(text(key, "kid"), text(key, "alg"), k)));
        }
        return List.copyOf(result);
    }

    private static Optional<PublicKey> toPublicKey(JsonNode key, String origin) {
        try {
            return switch (key.path("kty").asText()) {
                case "RSA" -> Optional.of(KeyFactory.getInstance("RSA").generatePublic(
                        new RSAPublicKeySpec(unsigned(key, "n"), unsigned(key, "e"))));
                case "EC" -> "P-256".equals(key.path("crv").asText()) ? Optional.of(ecKey(key)) : Optional.empty();
                default -> Optional.empty();
            };
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new HoldfastException(ErrorCode.AUTH_FAILED, "JWKS " + origin + ": key " + text(key, "kid").orElse("(no kid)")
                    + " is not a valid " + key.path("kty").asText() + " key: " + e.getMessage());
        }
    }

    private static PublicKey ecKey(JsonNode key) throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint point = new ECPoint(unsigned(key, "x"), unsigned(key, "y"));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
    }

    private static BigInteger unsigned(JsonNode key, String field) {
        String value = key.path(field).asText("");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("member '" + field + "' missing");
        }
        return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() ? Optional.empty() : Optional.of(value.asText());
    }
}
