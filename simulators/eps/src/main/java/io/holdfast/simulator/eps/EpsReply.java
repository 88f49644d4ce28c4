package io.holdfast.simulator.eps;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/** A FHIR JSON answer before the common headers are added. */
record EpsReply(int status, ObjectNode body, Map<String, String> extraHeaders) {

    static EpsReply ok(ObjectNode body) {
        return new EpsReply(200, body, Map.of());
    }

    static EpsReply error(EpsError e) {
        return new EpsReply(e.status(), outcome(e), Map.of());
    }

    /**
     * The success answer of an order, dispense notification, claim or return: an OperationOutcome whose issue is
     * severity {@code information}, code {@code informational} (components/responses/200OperationOutcome).
     */
    static EpsReply informational() {
        ObjectNode outcome = JsonNodeFactory.instance.objectNode().put("resourceType", "OperationOutcome");
        outcome.putArray("issue").addObject().put("severity", "information").put("code", "informational");
        return ok(outcome);
    }

    private static ObjectNode outcome(EpsError e) {
        ObjectNode outcome = JsonNodeFactory.instance.objectNode().put("resourceType", "OperationOutcome");
        ObjectNode issue = outcome.putArray("issue").addObject().put("severity", "error").put("code", e.issueCode());
        ObjectNode coding = issue.putObject("details").putArray("coding").addObject().put("system", e.system());
        if (EpsError.SPINE_R4.equals(e.system())) {
            coding.put("version", "1");
        }
        coding.put("code", e.code()).put("display", e.display());
        e.diagnostics().ifPresent(d -> issue.put("diagnostics", d));
        return outcome;
    }
}
