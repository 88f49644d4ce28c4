package io.holdfast.simulator.pds;

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
final class PdsClient {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final String fhirBase;
    private final Map<String, String> defaults = new LinkedHashMap<>();

    PdsClient(PdsSimulator sim) {
        this.fhirBase = sim.fhirBaseUrl();
    }

    /** A header sent on every request (e.g. Authorization). */
    PdsClient with(String name, String value) {
        defaults.put(name, value);
        return this;
    }

    static Map<String, String> requestId() {
        return Map.of("X-Request-ID", UUID.randomUUID().toString());
    }

    HttpResponse<String> get(String pathAndQuery) {
        return get(pathAndQuery, requestId());
    }

    HttpResponse<String> get(String pathAndQuery, Map<String, String> headers) {
        return send(builder(pathAndQuery, headers).GET());
    }

    HttpResponse<String> patch(String nhs, String ifMatch, String body) {
        Map<String, String> h = new LinkedHashMap<>(requestId());
        h.put("If-Match", ifMatch);
        h.put("Content-Type", "application/json-patch+json");
        return patch(nhs, h, body);
    }

    HttpResponse<String> patch(String nhs, Map<String, String> headers, String body) {
        return send(builder("/Patient/" + nhs, headers).method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder builder(String pathAndQuery, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(fhirBase + pathAndQuery));
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

    static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Spine error code of an OperationOutcome answer. */
    static String spineCode(HttpResponse<String> r) {
        return json(r).path("issue").path(0).path("details").path("coding").path(0).path("code").asText();
    }

    static String diagnostics(HttpResponse<String> r) {
        return json(r).path("issue").path(0).path("diagnostics").asText();
    }
}
