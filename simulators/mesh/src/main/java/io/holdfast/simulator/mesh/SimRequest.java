package io.holdfast.simulator.mesh;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One HTTP request as the simulator's API logic sees it: the body, if any, already streamed to a
 * temporary file.
 */
record SimRequest(String method, String path, Map<String, List<String>> query, Function<String, String> headers,
                  Optional<Path> body, long bodySize) {

    Optional<String> header(String name) {
        String v = headers.apply(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    Optional<String> query(String name) {
        List<String> v = query.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** Path segments after {@code /messageexchange}. */
    List<String> segments() {
        String p = path.startsWith("/messageexchange/") ? path.substring("/messageexchange/".length()) : "";
        return p.isEmpty() ? List.of() : List.of(p.split("/"));
    }
}
