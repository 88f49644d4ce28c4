package io.holdfast.simulator.apim.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One aggregated HTTP request: method, request URI (path and query), headers and the whole body. */
public record SimulatorRequest(String method, String uri, HttpHeaders headers, byte[] body) {

    /** The decoded path, without the query. */
    public String path() {
        return new QueryStringDecoder(uri).path();
    }

    /** Decoded query parameters in arrival order; a repeated parameter keeps every value. */
    public Map<String, List<String>> query() {
        return new QueryStringDecoder(uri).parameters();
    }

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
