package io.holdfast.mesh.protocol;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The NHSMESH authorization token:
 * {@code NHSMESH mailbox:nonce:nonce_count:yyyyMMddHHmm:hash}, where hash is the hex
 * HMAC-SHA256, keyed with the environment's shared key, of
 * {@code mailbox:nonce:nonce_count:password:yyyyMMddHHmm}. Holds no secret itself.
 */
public record MeshAuthToken(String mailbox, String nonce, int nonceCount, String timestamp, String hash) {
    public static final String SCHEME = "NHSMESH";
    static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    public MeshAuthToken {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(nonce, "nonce");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(hash, "hash");
    }

    /** A fresh token with a random single-use nonce. */
    public static MeshAuthToken create(String mailbox, String password, byte[] sharedKey, Instant now) {
        return create(mailbox, password, sharedKey, UUID.randomUUID().toString(), 0, now);
    }

    public static MeshAuthToken create(String mailbox, String password, byte[] sharedKey, String nonce, int nonceCount,
                                       Instant now) {
        String ts = TIMESTAMP.format(now);
        return new MeshAuthToken(mailbox, nonce, nonceCount, ts, hmac(sharedKey, mailbox, nonce, nonceCount, password, ts));
    }

    /** Parses an {@code Authorization} header value; empty if it is not a well-formed NHSMESH token. */
    public static Optional<MeshAuthToken> parse(String header) {
        if (header == null || !header.startsWith(SCHEME + " ")) {
            return Optional.empty();
        }
        String[] parts = header.substring(SCHEME.length() + 1).trim().split(":");
        if (parts.length != 5 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return Optional.empty();
        }
        try {
            MeshAuthToken token = new MeshAuthToken(parts[0], parts[1], Integer.parseInt(parts[2]), parts[3], parts[4]);
            token.time();
            return Optional.of(token);
        } catch (NumberFormatException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The header value, {@code NHSMESH ...}. */
    public String header() {
        return SCHEME + " " + mailbox + ":" + nonce + ":" + nonceCount + ":" + timestamp + ":" + hash;
    }

    /** When the token says it was made. */
    public Instant time() {
        return LocalDateTime.parse(timestamp, TIMESTAMP).toInstant(ZoneOffset.UTC);
    }

    /** True if the hash was made with this password and shared key (constant-time comparison). */
    public boolean signedWith(String password, byte[] sharedKey) {
        String expected = hmac(sharedKey, mailbox, nonce, nonceCount, password, timestamp);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), hash.getBytes(StandardCharsets.US_ASCII));
    }

    static String hmac(byte[] sharedKey, String mailbox, String nonce, int nonceCount, String password, String ts) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sharedKey, "HmacSHA256"));
            String message = mailbox + ":" + nonce + ":" + nonceCount + ":" + password + ":" + ts;
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    @Override
    public String toString() {
        return "MeshAuthToken[" + mailbox + ", nonce " + nonce + ":" + nonceCount + ", " + timestamp + "]";
    }
}
