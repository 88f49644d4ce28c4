package io.holdfast.http;

import io.holdfast.api.spi.CredentialIdentity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * API key in a request header, checked against SHA-256 digests of the accepted keys (the keys
 * themselves are never configured or held). Every configured digest is compared in constant time,
 * so the answer time does not tell how close a guess was. The identity is the key's name.
 */
public final class ApiKeyAuthenticator implements RequestAuthenticator {
    private final String header;
    private final Map<String, byte[]> digestsByName;

    /**
     * @param header             header carrying the key, e.g. {@code apikey} or {@code X-API-Key}
     * @param sha256HexByKeyName key name → SHA-256 of the key (64 hex digits)
     * @throws IllegalArgumentException if a digest is not 64 hex digits or there is none
     */
    public ApiKeyAuthenticator(String header, Map<String, String> sha256HexByKeyName) {
        if (sha256HexByKeyName.isEmpty()) {
            throw new IllegalArgumentException("at least one API key digest is needed");
        }
        this.header = header;
        Map<String, byte[]> digests = new LinkedHashMap<>();
        sha256HexByKeyName.forEach((name, hex) -> {
            if (hex == null || !hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("API key '" + name + "': the digest must be the SHA-256 of the key as 64 hex digits");
            }
            digests.put(name, HexFormat.of().parseHex(hex));
        });
        this.digestsByName = Map.copyOf(digests);
    }

    @Override
    public AuthOutcome authenticate(HttpCall call) {
        Optional<String> presented = call.header(header);
        if (presented.isEmpty() || presented.get().isEmpty()) {
            return new AuthOutcome.Denied("no API key in header " + header, "ApiKey header=\"" + header + "\"");
        }
        byte[] digest = sha256(presented.get());
        String match = null;
        for (Map.Entry<String, byte[]> e : digestsByName.entrySet()) {
            // no early exit: every comparison runs whatever matched
            if (MessageDigest.isEqual(digest, e.getValue()) && match == null) {
                match = e.getKey();
            }
        }
        if (match == null) {
            return new AuthOutcome.Denied("API key not accepted", "ApiKey header=\"" + header + "\"");
        }
        return new AuthOutcome.Authenticated(new CredentialIdentity("apikey:" + match, 0, Optional.empty(), Optional.of(match)));
    }

    /** The digest to configure for a key: SHA-256 of its UTF-8 bytes, lower-case hex. */
    public static String digestOf(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
