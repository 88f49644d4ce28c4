package io.holdfast.simulator.apim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

/**
 * Signs compact JWS with RSA (RS256/RS512). The simulator mints CIS2 ID tokens with it; tests use it
 * to craft client assertions that break one rule at a time.
 */
public final class JwtSigner {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JwtSigner() {
    }

    /** @param header must name {@code alg} RS256 or RS512 */
    public static String sign(Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            String input = b64.encodeToString(JSON.writeValueAsBytes(header)) + "." + b64.encodeToString(JSON.writeValueAsBytes(claims));
            String alg = String.valueOf(header.get("alg"));
            Signature signer = Signature.getInstance("RS256".equals(alg) ? "SHA256withRSA" : "SHA512withRSA");
            signer.initSign(key);
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64.encodeToString(signer.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("could not sign test JWT", e);
        }
    }
}
