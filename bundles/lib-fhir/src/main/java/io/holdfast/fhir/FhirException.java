package io.holdfast.fhir;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;

/**
 * FHIR input Holdfast cannot use: what is wrong is {@link #problem()}, a closed set that callers map to
 * HTTP statuses or {@code DecodeResult.Rejected} codes ({@code problem().name()}). The message names
 * elements and FHIRPaths, never their values, so it is safe to log and to return to a sender.
 */
@org.osgi.annotation.versioning.ProviderType
public class FhirException extends HoldfastException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the input. */
    public enum Problem {
        /** The payload exceeds the configured size cap (HTTP 413). */
        TOO_LARGE,
        /** No content at all. */
        EMPTY,
        /** Not JSON, or JSON that is not a FHIR resource of this version (bad structure, bad value). */
        MALFORMED,
        /** JSON without a {@code resourceType}. */
        NOT_A_RESOURCE,
        /** A {@code resourceType} this FHIR version does not define. */
        UNKNOWN_RESOURCE_TYPE,
        /** A valid resource of another type than the one asked for (e.g. a Bundle where a Patient was expected). */
        WRONG_RESOURCE_TYPE,
        /** An identifier with the NHS number system fails the Modulus 11 check. */
        INVALID_NHS_NUMBER,
        /** An element the mapping needs is absent (e.g. a patient without any identifier). */
        MISSING_FIELD,
        /** An element holds a value the mapping cannot use (e.g. an unknown result status). */
        INVALID_VALUE,
        /** A resource type the mapping does not handle in that place. */
        UNSUPPORTED_RESOURCE
    }

    private final Problem problem;

    public FhirException(Problem problem, String message) {
        super(problem == Problem.INVALID_NHS_NUMBER ? ErrorCode.INVALID_NHS_NUMBER : ErrorCode.INVALID_EVENT, message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
