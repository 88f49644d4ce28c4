package io.holdfast.eps.internal.codec;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * UUIDs derived from an event's natural key and content digest (name-based, RFC 4122 version 3), never random: the
 * same event encodes to the same bytes on every attempt, after a restart and on another node, so a retry after a lost
 * response (504) is byte-identical with the same X-Request-ID. A changed content digest gives new message ids.
 */
public final class StableIds {
    private final String seed;

    public StableIds(String keyToken, String contentDigest) {
        this.seed = "holdfast-eps|" + keyToken + "|" + contentDigest + "|";
    }

    public String uuid(String role) {
        return UUID.nameUUIDFromBytes((seed + role).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public String urn(String role) {
        return "urn:uuid:" + uuid(role);
    }

    /** Independent of the content: the long-form prescription UUID must not change when a prescription is cancelled. */
    public static String forKey(String keyToken, String role) {
        return UUID.nameUUIDFromBytes(("holdfast-eps|" + keyToken + "|" + role).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
