package io.holdfast.simulator.ers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * An answer before the common headers (X-Request-ID, X-Correlation-ID) are added: status, body bytes,
 * content type, an optional ETag version and extra headers. Kept as bytes so the X-Request-ID replay
 * store holds the exact answer.
 */
record ErsReply(int status, byte[] body, String contentType, Optional<Integer> version, Map<String, String> headers) {
    static final String FHIR_JSON = "application/fhir+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String ERROR_CODE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/eRS-APIErrorCode-1";
    static final String OUTCOME_PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/eRS-OperationOutcome-1";

    ErsReply {
        headers = Map.copyOf(headers);
    }

    static ErsReply json(int status, ObjectNode body, Optional<Integer> version) {
        try {
            return new ErsReply(status, JSON.writeValueAsBytes(body), FHIR_JSON, version, Map.of());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An eRS-OperationOutcome-1 with one issue, in the shape of the sandbox's STU3-Forbidden.json. */
    static ErsReply error(ErsError e) {
        ObjectNode outcome = F.objectNode();
        outcome.putObject("meta").putArray("profile").add(OUTCOME_PROFILE);
        outcome.put("resourceType", "OperationOutcome");
        ObjectNode issue = outcome.putArray("issue").addObject().put("severity", "error").put("code", e.issueCode());
        issue.putObject("details").putArray("coding").addObject().put("system", ERROR_CODE_SYSTEM).put("code", e.errorCode());
        e.diagnostics().ifPresent(d -> issue.put("diagnostics", d));
        return json(e.status(), outcome, Optional.empty());
    }

    ErsReply withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new ErsReply(status, body, contentType, version, h);
    }
}
