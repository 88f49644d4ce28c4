package io.holdfast.transport.http.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Short texts from a response body for the outcome: an OperationOutcome's issues (severity, code, the
 * details code such as PDS's {@code INVALID_RESOURCE_ID}, diagnostics), a created resource's type, id
 * and version, or else the body's first characters. Read from the capped body only.
 */
final class FhirResponseText {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirResponseText() {
    }

    /** e.g. {@code OperationOutcome error/value INVALID_RESOURCE_ID: Invalid NHS number}, or the body text. */
    static String problem(CappedBody body) {
        Optional<JsonNode> json = json(body);
        if (json.isPresent() && "OperationOutcome".equals(json.get().path("resourceType").asText())) {
            List<String> issues = new ArrayList<>();
            for (JsonNode issue : json.get().path("issue")) {
                issues.add(issue(issue));
            }
            return "OperationOutcome " + (issues.isEmpty() ? "(no issues)" : String.join("; ", issues));
        }
        String text = new String(body.bytes(), StandardCharsets.UTF_8).replaceAll("[\\p{Cntrl}&&[^\\t]]+", " ").trim();
        return text.isEmpty() ? "(empty body)" : text;
    }

    /** e.g. {@code Patient/9000000009 version 2}, or empty when the body names no resource. */
    static Optional<String> resource(CappedBody body) {
        return json(body).filter(n -> n.hasNonNull("resourceType")).map(n -> {
            String type = n.path("resourceType").asText();
            String id = n.path("id").asText("");
            String version = n.path("meta").path("versionId").asText("");
            return type + (id.isEmpty() ? "" : "/" + id) + (version.isEmpty() ? "" : " version " + version);
        });
    }

    private static String issue(JsonNode issue) {
        StringBuilder s = new StringBuilder(issue.path("severity").asText("?")).append('/').append(issue.path("code").asText("?"));
        JsonNode details = issue.path("details");
        String code = details.path("coding").path(0).path("code").asText("");
        String display = details.path("coding").path(0).path("display").asText(details.path("text").asText(""));
        if (!code.isEmpty()) {
            s.append(' ').append(code);
        }
        if (!display.isEmpty()) {
            s.append(" (").append(display).append(')');
        }
        String diagnostics = issue.path("diagnostics").asText("");
        if (!diagnostics.isEmpty()) {
            s.append(": ").append(diagnostics);
        }
        return s.toString();
    }

    private static boolean startsWithBrace(byte[] bytes) {
        for (byte b : bytes) {
            if (!Character.isWhitespace(b)) {
                return b == '{';
            }
        }
        return false;
    }

    private static Optional<JsonNode> json(CappedBody body) {
        if (body.cut() || !startsWithBrace(body.bytes())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body.bytes()));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
