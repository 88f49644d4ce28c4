package io.holdfast.simulator.mesh;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the simulator answers: a JSON body, no body, or a file streamed from disk. */
sealed interface SimResponse permits SimResponse.Json, SimResponse.Empty, SimResponse.FileBody {

    int status();

    Map<String, String> headers();

    record Json(int status, Map<String, String> headers, Object body) implements SimResponse {
    }

    record Empty(int status, Map<String, String> headers) implements SimResponse {
    }

    /** {@code dropMidway}: fault injection, send half the bytes then close the connection. */
    record FileBody(int status, Map<String, String> headers, Path file, boolean dropMidway) implements SimResponse {
        FileBody withDrop() {
            return new FileBody(status, headers, file, true);
        }
    }

    static Json json(int status, Object body) {
        return new Json(status, Map.of(), body);
    }

    /** A MESH v2 error body: {@code {message_id, internal_id, detail: [{event, code, msg}]}}. */
    static Json error(int status, String messageId, String event, String code, String msg) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("event", event);
        detail.put("code", code);
        detail.put("msg", msg);
        Map<String, Object> body = new LinkedHashMap<>();
        if (messageId != null) {
            body.put("message_id", messageId);
        }
        body.put("internal_id", "SIM-" + Long.toHexString(System.nanoTime()));
        body.put("detail", java.util.List.of(detail));
        return new Json(status, Map.of(), body);
    }
}
