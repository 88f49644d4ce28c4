package io.holdfast.simulator.ers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/** Reading an STU3 {@code Parameters} request body (eRS-*-Parameters-1 profiles) by parameter name. */
final class FhirParameters {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode root;

    private FhirParameters(JsonNode root) {
        this.root = root;
    }

    /** Parses the body; anything but a {@code Parameters} resource is 422 INVALID_VALUE (CreateReferralErrorOutcome's INVALID_FHIR_STRUCTURE is for structure inside it). */
    static FhirParameters parse(byte[] body) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (IOException e) {
            throw ErsError.invalidValue(400, "The request body is not JSON");
        }
        if (root == null || !root.isObject() || !"Parameters".equals(root.path("resourceType").asText())) {
            throw ErsError.invalidValue(422, "The request body must be a FHIR STU3 Parameters resource");
        }
        return new FhirParameters(root);
    }

    Optional<JsonNode> parameter(String name) {
        for (JsonNode p : root.path("parameter")) {
            if (name.equals(p.path("name").asText())) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    JsonNode required(String name) {
        return parameter(name).orElseThrow(() -> ErsError.missingValue(422, "Parameter '" + name + "' is required"));
    }

    /** The code of a {@code valueCoding} or of the first coding of a {@code valueCodeableConcept}. */
    static Optional<String> code(JsonNode parameter) {
        JsonNode coding = parameter.has("valueCoding") ? parameter.get("valueCoding") : parameter.path("valueCodeableConcept").path("coding").path(0);
        String code = coding.path("code").asText("");
        return code.isEmpty() ? Optional.empty() : Optional.of(code);
    }

    static Optional<ObjectNode> resource(JsonNode parameter) {
        JsonNode r = parameter.get("resource");
        return r instanceof ObjectNode o ? Optional.of(o) : Optional.empty();
    }
}
