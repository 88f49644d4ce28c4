package io.holdfast.simulator.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;

/** A compact JWS ({@code header.payload.signature}) as received: decoded JSON parts and raw signature. */
final class CompactJwt {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode header;
    private final JsonNode claims;
    private final byte[] signingInput;
    private final byte[] signature;

    private CompactJwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** @throws IllegalArgumentException if not three base64url parts with JSON objects in the first two */
    static CompactJwt parse(String token) {
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not three dot-separated parts");
        }
        try {
            Base64.Decoder b64 = Base64.getUrlDecoder();
            JsonNode header = JSON.readTree(b64.decode(parts[0]));
            JsonNode claims = JSON.readTree(b64.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                throw new IllegalArgumentException("header or payload is not a JSON object");
            }
            return new CompactJwt(header, claims, (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
                    b64.decode(parts[2]));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("header or payload is not JSON", e);
        }
    }

    Optional<String> header(String name) {
        return text(header, name);
    }

    Optional<String> claim(String name) {
        return text(claims, name);
    }

    /** A NumericDate claim (seconds since the epoch), if present and numeric. */
    Optional<Long> numericClaim(String name) {
        JsonNode n = claims.get(name);
        return n != null && n.isNumber() ? Optional.of(n.asLong()) : Optional.empty();
    }

    /** The audience: a string, or any element of an array. */
    boolean hasAudience(String expected) {
        JsonNode aud = claims.get("aud");
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (expected.equals(a.asText())) {
                    return true;
                }
            }
            return false;
        }
        return expected.equals(aud.asText());
    }

    boolean verifies(String jcaAlgorithm, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance(jcaAlgorithm);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Optional<String> text(JsonNode node, String name) {
        JsonNode n = node.get(name);
        return n != null && n.isTextual() && !n.asText().isEmpty() ? Optional.of(n.asText()) : Optional.empty();
    }
}
