package io.holdfast.simulator.apim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.simulator.apim.http.SimulatorHandler;
import io.holdfast.simulator.apim.http.SimulatorReply;
import io.holdfast.simulator.apim.http.SimulatorRequest;
import io.holdfast.simulator.apim.http.SimulatorResponse;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Routes HTTP requests to the token endpoint and the test resources; answers JSON. */
final class ApimHttpHandler implements SimulatorHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TokenEndpoint tokens;
    private final ResourceEndpoints resources;

    ApimHttpHandler(TokenEndpoint tokens, ResourceEndpoints resources) {
        this.tokens = tokens;
        this.resources = resources;
    }

    @Override
    public SimulatorReply handle(SimulatorRequest request) {
        SimResponse response = route(request, request.path());
        SimulatorResponse out = SimulatorResponse.of(response.status(), "application/json", json(response.body()));
        for (Map.Entry<String, String> h : response.headers().entrySet()) {
            out = out.withHeader(h.getKey(), h.getValue());
        }
        return SimulatorReply.send(out);
    }

    private SimResponse route(SimulatorRequest request, String path) {
        boolean post = request.method().equals("POST");
        boolean get = request.method().equals("GET");
        if (path.equals("/oauth2/token") && post) {
            return tokens.handle(request.header("Content-Type").orElse(null),
                    new String(request.body(), StandardCharsets.UTF_8));
        }
        if (path.equals("/protected/ping") && get) {
            return resources.bearer(request.header("Authorization"));
        }
        if (path.equals("/apikey/ping") && get) {
            return resources.apiKey(request.header("apikey"));
        }
        if (path.equals("/oauth2/token")) {
            return SimResponse.json(405, Map.of("error", "invalid_request", "error_description", "Use POST for the token endpoint"));
        }
        return SimResponse.json(404, Map.of("error", "not_found", "error_description", "No resource " + path));
    }

    private static byte[] json(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
