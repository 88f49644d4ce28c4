package io.holdfast.simulator.eps;

import java.util.Optional;

/**
 * An error answer as the published API gives it: HTTP status, FHIR issue type, and a coding (system, code, display)
 * with optional diagnostics. Codes and statuses follow electronic-prescription-service-api.yaml (the API-wide and
 * platform-wide error tables and each operation's {@code 4XX} table) and the examples cited per factory.
 */
final class EpsError extends RuntimeException {
    /** The code system of the API-wide codes (examples/errors/example-a-validation-error-missing-field/Response-FhirError.json). */
    static final String SPINE_R4 = "https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode";
    /** The code system of examples/errors/1-Process-Response-Send-400_INVALID_CHECKSUM.json (no "R4", no version). */
    static final String SPINE = "https://fhir.nhs.uk/CodeSystem/Spine-ErrorOrWarningCode";
    /** The cancel response codes R-0001 to R-0010 (examples/.../cancellations/2-Process-Response-Cancel-200_OK.json). */
    static final String STATUS_HISTORY = "https://fhir.nhs.uk/CodeSystem/medicationrequest-status-history";

    private final int status;
    private final String issueCode;
    private final String system;
    private final String code;
    private final String display;
    private final transient Optional<String> diagnostics;

    EpsError(int status, String issueCode, String system, String code, String display, String diagnostics) {
        super(code, null, false, false);
        this.status = status;
        this.issueCode = issueCode;
        this.system = system;
        this.code = code;
        this.display = display;
        this.diagnostics = Optional.ofNullable(diagnostics);
    }

    int status() {
        return status;
    }

    String issueCode() {
        return issueCode;
    }

    String system() {
        return system;
    }

    String code() {
        return code;
    }

    String display() {
        return display;
    }

    Optional<String> diagnostics() {
        return diagnostics;
    }

    /** API-wide 400 MISSING_FIELD; the display names the field, as Response-FhirError.json does. */
    static EpsError missingField(String display) {
        return new EpsError(400, "value", SPINE_R4, "MISSING_FIELD", display, null);
    }

    /** API-wide 400 INVALID_VALUE "Invalid value in message." */
    static EpsError invalidValue(String display) {
        return new EpsError(400, "value", SPINE_R4, "INVALID_VALUE", display, null);
    }

    /** API-wide 400 INCORRECT_RESOURCETYPE "FHIR resource has an incorrect resourceType." */
    static EpsError incorrectResourceType(String display) {
        return new EpsError(400, "value", SPINE_R4, "INCORRECT_RESOURCETYPE", display, null);
    }

    /** API-wide 400 BAD_REQUEST "Invalid request." (e.g. a body that is not JSON). */
    static EpsError badRequest(String display) {
        return new EpsError(400, "invalid", SPINE_R4, "BAD_REQUEST", display, null);
    }

    /** 404 NOT_FOUND "Route not found." (platform-wide table). */
    static EpsError routeNotFound(String diagnostics) {
        return new EpsError(404, "not-found", SPINE_R4, "NOT_FOUND", "Route not found", diagnostics);
    }

    /** 401 ACCESS_DENIED "User does not have permission for a particular request." (platform-wide table). */
    static EpsError accessDenied(String diagnostics) {
        return new EpsError(401, "forbidden", SPINE_R4, "ACCESS_DENIED", "Access Denied - Unauthorised", diagnostics);
    }

    /** 403 FORBIDDEN "Insufficient authorization." (platform-wide table). */
    static EpsError forbidden(String diagnostics) {
        return new EpsError(403, "forbidden", SPINE_R4, "FORBIDDEN", "Insufficient authorization", diagnostics);
    }

    /** $process-message#prescription-order 4XX: 400 MISSING_DIGITAL_SIGNATURE "Digital signature not found." */
    static EpsError missingDigitalSignature() {
        return new EpsError(400, "value", SPINE_R4, "MISSING_DIGITAL_SIGNATURE", "Digital signature not found", null);
    }

    /** $process-message#prescription-order 4XX: 400 DUPLICATE_PRESCRIPTION_ID "Duplicate prescription ID exists." */
    static EpsError duplicatePrescriptionId() {
        return new EpsError(400, "duplicate", SPINE_R4, "DUPLICATE_PRESCRIPTION_ID", "Duplicate prescription ID exists", null);
    }

    /**
     * $process-message#prescription-order 4XX: 400 FAILURE_TO_PROCESS_MESSAGE, e.g. "where the prescription ID has an
     * invalid checksum or an invalid NHS number is passed"; wording and system as 1-Process-Response-Send-400_INVALID_CHECKSUM.json.
     */
    static EpsError failureToProcess(String what) {
        return new EpsError(400, "processing", SPINE, "FAILURE_TO_PROCESS_MESSAGE",
                "Unable to process message. Information missing or invalid - " + what, null);
    }

    /** $process-message#prescription-order-update 4XX: 400 R-0008 "Prescription or item not found." */
    static EpsError cancelNotFound() {
        return new EpsError(400, "not-found", STATUS_HISTORY, "R-0008", "Prescription or item not found", null);
    }

    /** $process-message#prescription-order-update 4XX: 400 R-5000 "Unable to process message due to invalid information within the cancel request." */
    static EpsError cancelInvalid(String diagnostics) {
        return new EpsError(400, "value", STATUS_HISTORY, "R-5000",
                "Unable to process message due to invalid information within the cancel request", diagnostics);
    }

    /** Task/$release 4XX: 400 RESOURCE_NOT_FOUND "Prescription can not be found. Contact prescriber." */
    static EpsError prescriptionNotFound() {
        return new EpsError(400, "not-found", SPINE_R4, "RESOURCE_NOT_FOUND", "Prescription can not be found. Contact prescriber.", null);
    }

    /** Task/$release 4XX: 400 PRESCRIPTION_WITH_ANOTHER_DISPENSER; diagnostics name the owning pharmacy. */
    static EpsError withAnotherDispenser(String owner) {
        return new EpsError(400, "business-rule", SPINE_R4, "PRESCRIPTION_WITH_ANOTHER_DISPENSER", "Prescription is with another dispenser",
                "Prescription is with another dispenser: " + owner);
    }

    /** A status from fault injection, with the code the platform-wide table gives it where it names one. */
    static EpsError injected(int status) {
        return switch (status) {
            case 429 -> new EpsError(429, "throttled", SPINE_R4, "TOO_MANY_REQUESTS", "Too many requests", "Simulated fault");
            case 500 -> new EpsError(500, "exception", SPINE_R4, "INTERNAL_SERVER_ERROR",
                    "The server has encountered a situation it does not know how to handle", "Simulated fault");
            case 503 -> new EpsError(503, "transient", SPINE_R4, "SERVICE_UNAVAILABLE", "Service unavailable", "Simulated fault");
            case 504 -> new EpsError(504, "timeout", SPINE_R4, "GATEWAY_TIMEOUT",
                    "If your request has not been fully processed within 59 seconds, you will get this response. "
                            + "Retry the request with identical payload.", "Simulated fault");
            default -> new EpsError(status, "exception", SPINE_R4, "FAILURE_TO_PROCESS_MESSAGE", "Failure to process message", "Simulated fault");
        };
    }
}
