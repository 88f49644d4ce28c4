package io.holdfast.simulator.pds;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** FHIR R4 OperationOutcome bodies in the published API's shape (one issue, Spine error code coding). */
final class OperationOutcomes {
    static final String SPINE_CODE_SYSTEM = "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OperationOutcomes() {
    }

    static ObjectNode of(PdsError e) {
        ObjectNode issue = issue("error", e.issueCode(), e.spineCode(), e.display());
        e.diagnostics().ifPresent(d -> issue.put("diagnostics", d));
        return wrap(issue);
    }

    /**
     * The search answer when more patients match than may be returned: HTTP 200 with this outcome
     * instead of a Bundle (patient-search.yaml, '200' response table).
     */
    static ObjectNode tooManyMatches() {
        return wrap(issue("information", "multiple-matches", "TOO_MANY_MATCHES", "Too Many Matches"));
    }

    private static ObjectNode issue(String severity, String issueCode, String spineCode, String display) {
        ObjectNode issue = F.objectNode().put("severity", severity).put("code", issueCode);
        issue.putObject("details").putArray("coding").addObject().put("system", SPINE_CODE_SYSTEM).put("version", "1")
                .put("code", spineCode).put("display", display);
        return issue;
    }

    private static ObjectNode wrap(ObjectNode issue) {
        ObjectNode outcome = F.objectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").add(issue);
        return outcome;
    }
}
