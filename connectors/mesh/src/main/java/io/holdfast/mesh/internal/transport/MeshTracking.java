package io.holdfast.mesh.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;

/** What MESH tracking says about a sent message. */
public record MeshTracking(String messageId, Optional<String> localId, String status, Optional<String> statusCode,
                          Optional<String> statusDescription, Optional<String> recipient) {

    static MeshTracking from(JsonNode n) {
        return new MeshTracking(text(n, "message_id", "messageId").orElse(""), text(n, "local_id", "localId"),
                text(n, "status", "status").orElse("").toLowerCase(Locale.ROOT), text(n, "status_code", "statusCode"),
                text(n, "status_description", "statusDescription"), text(n, "recipient", "recipient"));
    }

    private static Optional<String> text(JsonNode n, String v2, String v1) {
        JsonNode v = n.hasNonNull(v2) ? n.get(v2) : n.get(v1);
        return v == null || v.isNull() || v.asText().isBlank() ? Optional.empty() : Optional.of(v.asText());
    }

    public boolean acknowledged() {
        return status.equals("acknowledged");
    }

    public boolean failed() {
        return status.equals("undeliverable") || status.equals("error");
    }

    public boolean uploading() {
        return status.equals("uploading");
    }
}
