package io.holdfast.transport.http.internal.transport;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * {@code X-Request-ID} as a UUID. NHS APIs (PDS and the API platform) require a UUID and dedupe on it.
 * The dispatcher's request id is already one (the same on every retry of a delivery); an id that is not
 * (a vendor dispatcher's, a hand-made request) is mapped to a name-based UUID (RFC 9562 version 5,
 * SHA-1) in a Holdfast namespace, so the mapping is deterministic and retries still carry one id.
 */
final class RequestIds {
    /** Namespace of Holdfast request ids (fixed: changing it would change every derived id). */
    static final UUID NAMESPACE = UUID.fromString("6f1c5a0e-7a53-4b3e-9d4e-0c2a8b1f9e47");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private RequestIds() {
    }

    static String asUuid(String requestId) {
        if (UUID_TEXT.matcher(requestId).matches()) {
            return requestId.toLowerCase(Locale.ROOT);
        }
        return nameBased(requestId).toString();
    }

    static UUID nameBased(String name) {
        byte[] h;
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(NAMESPACE.getMostSignificantBits())
                    .putLong(NAMESPACE.getLeastSignificantBits()).array());
            h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
        h[6] = (byte) ((h[6] & 0x0f) | 0x50);
        h[8] = (byte) ((h[8] & 0x3f) | 0x80);
        ByteBuffer b = ByteBuffer.wrap(h, 0, 16);
        return new UUID(b.getLong(), b.getLong());
    }
}
