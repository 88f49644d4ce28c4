package io.holdfast.fhirendpoint.internal.inbound;

import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * How a rejection code (lib-fhir's {@code FhirException.Problem} names, as the codec reports them)
 * is answered: {@code 400} when the body is not a usable FHIR resource at all, {@code 422} when it is
 * well-formed FHIR that fails validation (e.g. an NHS number that fails Modulus 11).
 */
final class Rejections {
    private static final Set<String> MALFORMED = Set.of("MALFORMED", "EMPTY", "NOT_A_RESOURCE", "UNKNOWN_RESOURCE_TYPE", "WRONG_RESOURCE_TYPE");

    private Rejections() {
    }

    static int status(String code) {
        return MALFORMED.contains(code) ? 400 : 422;
    }

    static IssueType issueType(String code) {
        if (MALFORMED.contains(code)) {
            return IssueType.STRUCTURE;
        }
        return switch (code) {
            case "MISSING_FIELD" -> IssueType.REQUIRED;
            case "INVALID_NHS_NUMBER", "INVALID_VALUE" -> IssueType.VALUE;
            case "UNSUPPORTED_RESOURCE" -> IssueType.NOTSUPPORTED;
            default -> IssueType.PROCESSING;
        };
    }
}
