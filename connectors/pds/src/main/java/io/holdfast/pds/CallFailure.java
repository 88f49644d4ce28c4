package io.holdfast.pds;

import java.util.Objects;

/**
 * Why a call did not get an answer about the patient.
 *
 * @param code      the OperationOutcome code PDS gave (e.g. {@code ACCESS_DENIED}, {@code TOO_MANY_REQUESTS},
 *                  {@code SERVICE_UNAVAILABLE}) or Holdfast's own: {@code UNREACHABLE}, {@code RESPONSE_TOO_LARGE},
 *                  {@code BAD_RESPONSE}, {@code AUTH_FAILED}, {@code JOURNAL_UNAVAILABLE}, {@code INTERRUPTED}
 * @param reason    one PHI-free line: what happened and what to do
 * @param retryable true when the same call may succeed later (429, 5xx, timeouts, the journal refusing)
 */
@org.osgi.annotation.versioning.ProviderType
public record CallFailure(String code, String reason, boolean retryable) {
    public CallFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
