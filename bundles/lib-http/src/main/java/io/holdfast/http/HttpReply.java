package io.holdfast.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** What an endpoint answers: status, headers (set as given) and body. */
@org.osgi.annotation.versioning.ProviderType
public record HttpReply(int status, Map<String, String> headers, byte[] body) {

    public HttpReply {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be 100-599: " + status);
        }
        headers = Map.copyOf(headers);
        Objects.requireNonNull(body, "body");
    }

    public static HttpReply of(int status, String contentType, byte[] body) {
        return new HttpReply(status, Map.of("Content-Type", contentType), body);
    }

    public static HttpReply text(int status, String text) {
        return of(status, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
    }

    public static HttpReply empty(int status) {
        return new HttpReply(status, Map.of(), new byte[0]);
    }

    /** A copy with one more header (replacing one of the same name). */
    public HttpReply withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        copy.put(name, value);
        return new HttpReply(status, copy, body);
    }

    @Override
    public String toString() {
        return "HttpReply[" + status + ", " + body.length + " bytes]";
    }
}
