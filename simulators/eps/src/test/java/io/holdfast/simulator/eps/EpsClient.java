package io.holdfast.simulator.eps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** A raw HTTP client for the tests: wire requests as the published API describes them, nothing more. */
final class EpsClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String fhirBase;
    private final Map<String, String> defaults = new LinkedHashMap<>();

    EpsClient(EpsSimulator sim) {
        this.fhirBase = sim.fhirBaseUrl();
    }

    /** A header sent on every request (e.g. Authorization). */
    EpsClient with(String name, String value) {
        defaults.put(name, value);
        return this;
    }

    static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    HttpResponse<String> post(String path, JsonNode body) {
        return post(path, body, newRequestId());
    }

    HttpResponse<String> post(String path, JsonNode body, String requestId) {
        return post(path, write(body), Map.of("X-Request-ID", requestId));
    }

    HttpResponse<String> post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = builder(path, headers).header("Content-Type", "application/fhir+json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(b);
    }

    HttpResponse<String> get(String pathAndQuery) {
        return send(builder(pathAndQuery, Map.of("X-Request-ID", newRequestId())).GET());
    }

    private HttpRequest.Builder builder(String path, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fhirBase + path));
        defaults.forEach(b::header);
        headers.forEach(b::header);
        return b;
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String write(JsonNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The coding of an OperationOutcome's first issue. */
    static JsonNode coding(HttpResponse<String> r) {
        return json(r).path("issue").path(0).path("details").path("coding").path(0);
    }

    static String code(HttpResponse<String> r) {
        return coding(r).path("code").asText();
    }

    static String display(HttpResponse<String> r) {
        return coding(r).path("display").asText();
    }
}
