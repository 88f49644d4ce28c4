package io.holdfast.http.testing;

import io.holdfast.http.HttpCall;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Requests for authenticator tests, without a listener. */
public final class TestCalls {
    private TestCalls() {
    }

    public static HttpCall withHeaders(Map<String, String> headers) {
        Map<String, List<String>> lower = headers.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), e -> List.of(e.getValue())));
        return new HttpCall("api", "POST", "/fhir/Patient", "/fhir", Map.of(), lower, new byte[0], List.of(),
                new InetSocketAddress("127.0.0.1", 40000));
    }
}
