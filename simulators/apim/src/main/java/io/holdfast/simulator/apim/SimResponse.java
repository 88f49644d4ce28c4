package io.holdfast.simulator.apim;

import java.util.Map;

/** A JSON answer with its status and extra headers. */
record SimResponse(int status, Map<String, String> headers, Map<String, Object> body) {

    static SimResponse json(int status, Map<String, Object> body) {
        return new SimResponse(status, Map.of(), body);
    }

    static SimResponse error(OAuthError e) {
        return json(e.status(), Map.of("error", e.error(), "error_description", e.description()));
    }
}
