package io.holdfast.simulator.ers;

import java.util.Optional;

/**
 * An error answer as the published API gives it: HTTP status, FHIR issue type and a code from
 * {@code https://fhir.nhs.uk/STU3/CodeSystem/eRS-APIErrorCode-1} (the eRS-OperationOutcome-1 profile of
 * the sandbox's STU3-*.json examples), with optional diagnostics.
 */
final class ErsError extends RuntimeException {
    private final int status;
    private final String issueCode;
    private final String errorCode;
    private final transient Optional<String> diagnostics;

    ErsError(int status, String issueCode, String errorCode, String diagnostics) {
        super(errorCode, null, false, false);
        this.status = status;
        this.issueCode = issueCode;
        this.errorCode = errorCode;
        this.diagnostics = Optional.ofNullable(diagnostics);
    }

    int status() {
        return status;
    }

    String issueCode() {
        return issueCode;
    }

    String errorCode() {
        return errorCode;
    }

    Optional<String> diagnostics() {
        return diagnostics;
    }

    /** 401, STU3-Unauthorised.json: issue {@code login}, NO_ACCESS. */
    static ErsError noAccess(String diagnostics) {
        return new ErsError(401, "login", "NO_ACCESS", diagnostics);
    }

    /** 403, Forbidden.yaml: FORBIDDEN. */
    static ErsError forbidden(String diagnostics) {
        return new ErsError(403, "forbidden", "FORBIDDEN", diagnostics);
    }

    static ErsError missingValue(int status, String diagnostics) {
        return new ErsError(status, "required", "MISSING_VALUE", diagnostics);
    }

    static ErsError invalidValue(int status, String diagnostics) {
        return new ErsError(status, "value", "INVALID_VALUE", diagnostics);
    }

    static ErsError invalidCode(String diagnostics) {
        return new ErsError(422, "code-invalid", "INVALID_CODE", diagnostics);
    }

    static ErsError notFound(String diagnostics) {
        return new ErsError(404, "not-found", "NOT_FOUND", diagnostics);
    }

    /** 409, Conflict.yaml: "Version supplied as part of the request does not match current version of the referral request". */
    static ErsError versionConflict(String diagnostics) {
        return new ErsError(409, "conflict", "CONFLICT", diagnostics);
    }

    /** 422, acceptReferral / rejectReferral / recordTriageOutcome 422Response.yaml. */
    static ErsError invalidRequestState(String diagnostics) {
        return new ErsError(422, "business-rule", "INVALID_REQUEST_STATE", diagnostics);
    }

    /** 422, CreateReferralErrorOutcome: a value acceptable elsewhere but not here (here: a duplicate referral). */
    static ErsError duplicateReferral(String diagnostics) {
        return new ErsError(422, "duplicate", "INAPPROPRIATE_VALUE", diagnostics);
    }

    static ErsError unsupportedMediaType(String diagnostics) {
        return new ErsError(415, "not-supported", "UNSUPPORTED_MEDIA_TYPE", diagnostics);
    }

    static ErsError methodNotAllowed(String diagnostics) {
        return new ErsError(405, "not-supported", "METHOD_NOT_ALLOWED", diagnostics);
    }

    /** A status from fault injection, with the code the published examples use for it. */
    static ErsError injected(int status) {
        return switch (status) {
            case 429 -> new ErsError(429, "throttled", "TOO_MANY_REQUESTS", "Simulated rate limit");
            case 503 -> new ErsError(503, "transient", "SYSTEM_UNAVAILABLE", "Simulated fault");
            case 504 -> new ErsError(504, "timeout", "GATEWAY_TIMEOUT", "Simulated fault");
            case 500 -> new ErsError(500, "exception", "INTERNAL_SERVER_ERROR", "Simulated fault");
            default -> new ErsError(status, "exception", "INTERNAL_SERVER_ERROR", "Simulated fault");
        };
    }
}
