package io.holdfast.simulator.apim.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A complete response: status, headers (including {@code Content-Type}) and body. */
public record SimulatorResponse(int status, Map<String, String> headers, byte[] body) {

    public SimulatorResponse {
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body);
    }

    public static SimulatorResponse of(int status, String contentType, byte[] body) {
        return new SimulatorResponse(status, Map.of("Content-Type", contentType), body);
    }

    /** This response with one more header (replacing a header of the same name). */
    public SimulatorResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SimulatorResponse(status, h, body);
    }
}
