package io.holdfast.fhirendpoint.internal.inbound;

import io.holdfast.fhir.FhirJson;
import io.holdfast.http.HttpReply;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * FHIR answers with an OperationOutcome body: one issue with a code and diagnostics text that never
 * holds a payload value or a stack trace.
 */
final class OperationOutcomes {
    static final String FHIR_JSON = "application/fhir+json; charset=utf-8";
    private final FhirJson json;

    OperationOutcomes(FhirJson json) {
        this.json = json;
    }

    HttpReply reply(int status, IssueSeverity severity, IssueType code, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(code).setDiagnostics(diagnostics);
        return HttpReply.of(status, FHIR_JSON, json.serializeBytes(outcome));
    }

    HttpReply error(int status, IssueType code, String diagnostics) {
        return reply(status, IssueSeverity.ERROR, code, diagnostics);
    }
}
