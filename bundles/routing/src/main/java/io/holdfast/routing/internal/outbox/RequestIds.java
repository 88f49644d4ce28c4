package io.holdfast.routing.internal.outbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Request ids that are the same for every attempt of one delivery and different for anything
 * else: SHA-256 over (natural-key digest, content digest, target), shown as a UUID (RFC 9562
 * version 8, "custom": the first 122 bits of the hash) because NHS APIs expect X-Request-ID to be
 * a UUID. A retry after a timeout therefore carries the id the downstream may already have
 * applied (so it dedupes), while an amendment (new content digest) or another target gets a new id.
 */
public final class RequestIds {
    private RequestIds() {
    }

    public static String of(String keyDigest, String contentDigest, String target) {
        byte[] h;
        try {
            h = MessageDigest.getInstance("SHA-256")
                    .digest((keyDigest + "|" + contentDigest + "|" + target).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
        h[6] = (byte) ((h[6] & 0x0f) | 0x80);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        String hex = HexFormat.of().formatHex(h, 0, 16);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-" + hex.substring(16, 20)
                + "-" + hex.substring(20, 32);
    }
}
