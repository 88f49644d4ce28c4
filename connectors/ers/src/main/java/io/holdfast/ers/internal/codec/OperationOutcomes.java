package io.holdfast.ers.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * e-RS's error answer: an eRS-OperationOutcome-1 whose {@code issue[0].details.coding[0].code} is the error code
 * (system eRS-APIErrorCode-1 or ers-error-codes: NO_ACCESS, FORBIDDEN, INVALID_REQUEST_STATE, …) and whose
 * {@code diagnostics} says more. Read with Jackson: an error answer may not be a valid STU3 resource.
 */
public final class OperationOutcomes {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Issue(String code, String diagnostics) {
    }

    private OperationOutcomes() {
    }

    /** The first issue, or {@code HTTP_<status>} when the body is not an OperationOutcome. */
    public static Issue first(byte[] body, int status) {
        try {
            JsonNode root = JSON.readTree(body);
            JsonNode issue = root == null ? null : root.path("issue").path(0);
            if (issue == null || issue.isMissingNode() || !"OperationOutcome".equals(root.path("resourceType").asText())) {
                return new Issue("HTTP_" + status, "");
            }
            String code = issue.path("details").path("coding").path(0).path("code").asText("");
            if (code.isEmpty()) {
                code = issue.path("code").asText("HTTP_" + status);
            }
            String diagnostics = issue.path("diagnostics").asText("");
            return new Issue(code, diagnostics.length() > 300 ? diagnostics.substring(0, 300) + "…" : diagnostics);
        } catch (IOException | RuntimeException e) {
            return new Issue("HTTP_" + status, "");
        }
    }
}
