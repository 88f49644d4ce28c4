package io.holdfast.eps;

/** The outcome of one EPS call, journaled before it is returned. */
public sealed interface EpsResult {

    /** EPS answered 2xx. {@code issues}: the OperationOutcome issues in one line; {@code body}: the answer (FHIR JSON). */
    record Done(int status, String issues, String body) implements EpsResult {
    }

    /** EPS refused (4xx): {@code code} is the first issue's Spine code (e.g. {@code DUPLICATE_PRESCRIPTION_ID}, {@code MISSING_FIELD}). */
    record Refused(int status, String code, String issues) implements EpsResult {
    }

    /**
     * No usable answer: {@code UNREACHABLE}, {@code TOO_MANY_REQUESTS}, {@code SERVER_ERROR}, {@code AUTH_FAILED},
     * {@code BAD_REQUEST_BODY}, {@code JOURNAL_UNAVAILABLE}; {@code reason} is one PHI-free line.
     */
    record Failed(String code, String reason, boolean retryable) implements EpsResult {
    }
}
