package io.holdfast.pds.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.pds.CallFailure;
import io.holdfast.pds.internal.codec.PdsJson;
import io.holdfast.pds.internal.transport.PdsAnswer;
import java.util.Optional;

/** Reading the parts of a PDS answer every operation needs: the JSON body and the OperationOutcome's code. */
final class PdsAnswers {
    private PdsAnswers() {
    }

    static Optional<JsonNode> json(PdsAnswer.Answered a) {
        return PdsJson.parse(a.body());
    }

    /** The Spine error code, or {@code HTTP <status>} when the body is no OperationOutcome. */
    static PdsJson.Outcome outcome(PdsAnswer.Answered a) {
        return json(a).flatMap(PdsJson::outcome).orElse(new PdsJson.Outcome("HTTP_" + a.status(), ""));
    }

    /** A failure from an answer no operation-specific rule covers (401 after a retry, 403, 429/5xx after retries). */
    static CallFailure failure(PdsAnswer.Answered a, String systemId) {
        PdsJson.Outcome o = outcome(a);
        String advice = switch (a.status()) {
            case 401 -> "the access token was refused twice; check the credentials of system '" + systemId + "' (holdfast:creds)";
            case 403 -> "this application may not do this (access mode or scope)";
            case 429 -> "PDS is limiting this application; the call was retried " + a.attempts() + " times";
            default -> a.status() >= 500 ? "PDS failed " + a.attempts() + " times; try again later"
                    : "check the request and the endpoint of system '" + systemId + "'";
        };
        String diag = o.diagnostics().isEmpty() ? "" : " (" + o.diagnostics() + ")";
        return new CallFailure(o.code(), "PDS answered " + a.status() + " " + o.code() + diag + ": " + advice,
                a.status() == 429 || a.status() == 408 || a.status() >= 500);
    }

    static CallFailure badResponse(PdsAnswer.Answered a, String what) {
        return new CallFailure("BAD_RESPONSE", "PDS answered " + a.status() + " with " + what + "; the answer was not used", false);
    }
}
