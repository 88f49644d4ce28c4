package io.holdfast.simulator.pds;

import java.util.Optional;

/**
 * An error answer as the published API gives it: HTTP status, FHIR issue type, and the code and
 * display from {@code https://fhir.nhs.uk/R4/CodeSystem/Spine-ErrorOrWarningCode}, with optional
 * diagnostics. Codes and statuses follow specification/components/paths/patient-*.yaml.
 */
final class PdsError extends RuntimeException {
    private final int status;
    private final String issueCode;
    private final String spineCode;
    private final String display;
    private final transient Optional<String> diagnostics;

    PdsError(int status, String issueCode, String spineCode, String display, String diagnostics) {
        super(spineCode, null, false, false);
        this.status = status;
        this.issueCode = issueCode;
        this.spineCode = spineCode;
        this.display = display;
        this.diagnostics = Optional.ofNullable(diagnostics);
    }

    int status() {
        return status;
    }

    String issueCode() {
        return issueCode;
    }

    String spineCode() {
        return spineCode;
    }

    String display() {
        return display;
    }

    Optional<String> diagnostics() {
        return diagnostics;
    }

    static PdsError invalidResourceId() {
        return new PdsError(400, "value", "INVALID_RESOURCE_ID", "Resource Id is invalid", null);
    }

    static PdsError unsupportedService() {
        return new PdsError(400, "processing", "UNSUPPORTED_SERVICE", "Unsupported Service", null);
    }

    static PdsError resourceNotFound() {
        return new PdsError(404, "not-found", "RESOURCE_NOT_FOUND", "Resource not found", null);
    }

    static PdsError invalidated() {
        return new PdsError(404, "not-found", "INVALIDATED_RESOURCE", "Resource Id is invalid", null);
    }

    static PdsError missingValue(String diagnostics) {
        return new PdsError(400, "structure", "MISSING_VALUE", "Required value is missing", diagnostics);
    }

    static PdsError invalidValue(String diagnostics) {
        return new PdsError(400, "value", "INVALID_VALUE", "Provided value is invalid", diagnostics);
    }

    static PdsError invalidSearchData(String diagnostics) {
        return new PdsError(400, "value", "INVALID_SEARCH_DATA", "Search data is invalid", diagnostics);
    }

    static PdsError additionalProperties(String diagnostics) {
        return new PdsError(400, "structure", "ADDITIONAL_PROPERTIES", "Additional properties are not allowed", diagnostics);
    }

    static PdsError invalidUpdate(String diagnostics) {
        return new PdsError(400, "structure", "INVALID_UPDATE", "Update is invalid", diagnostics);
    }

    static PdsError accessDenied(String diagnostics) {
        return new PdsError(401, "forbidden", "ACCESS_DENIED", "Access Denied - Unauthorised", diagnostics);
    }

    static PdsError forbidden(String diagnostics) {
        return new PdsError(403, "forbidden", "ACCESS_DENIED", "Access Denied", diagnostics);
    }

    static PdsError multipleResultsForbidden() {
        return new PdsError(403, "value", "INVALID_VALUE", "Provided value is invalid",
                "Multiple results requested when using the API in application-restricted mode");
    }

    static PdsError versionMismatch() {
        return new PdsError(409, "conflict", "RESOURCE_VERSION_MISMATCH", "Resource version supplied does not match actual version", null);
    }

    static PdsError preconditionFailed(String diagnostics) {
        return new PdsError(412, "structure", "PRECONDITION_FAILED", "Required condition was not fulfilled", diagnostics);
    }

    static PdsError tooManyRequests() {
        return new PdsError(429, "throttled", "TOO_MANY_REQUESTS", "You have exceeded your application's rate limit", null);
    }

    static PdsError notAnEndpoint(String diagnostics) {
        return new PdsError(404, "not-supported", "UNSUPPORTED_SERVICE", "Unsupported Service", diagnostics);
    }

    /** A status from fault injection, with the code the published API uses for it where it names one. */
    static PdsError injected(int status) {
        return switch (status) {
            case 408 -> new PdsError(408, "timeout", "UNABLE_TO_CALL_SERVICE", "Unable to call service",
                    "The downstream domain processing has not completed within the configured timeout period.");
            case 429 -> tooManyRequests();
            case 503 -> new PdsError(503, "timeout", "SERVICE_UNAVAILABLE", "Service unavailable",
                    "The downstream domain processing has not completed within the configured timeout period. Using the same "
                            + "'X-Request-ID' header, retry your request after the time specified by the 'Retry-After' response header.");
            default -> new PdsError(status, "exception", "FAILURE_TO_PROCESS_MESSAGE", "Failure to process message", "Simulated fault");
        };
    }
}
