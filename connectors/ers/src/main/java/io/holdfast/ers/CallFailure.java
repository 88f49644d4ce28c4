package io.holdfast.ers;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Why a call got no usable answer.
 *
 * @param code      Holdfast's own: {@code UNREACHABLE}, {@code RESPONSE_TOO_LARGE}, {@code BAD_RESPONSE},
 *                  {@code AUTH_FAILED}, {@code USER_RESTRICTED_ONLY}, {@code NOT_CONFIGURED}, {@code JOURNAL_UNAVAILABLE},
 *                  {@code INTERRUPTED}; or e-RS's OperationOutcome code when its retries ran out (e.g.
 *                  {@code TOO_MANY_REQUESTS}, {@code GATEWAY_TIMEOUT}, {@code SERVICE_UNAVAILABLE})
 * @param reason    one PHI-free line: what happened and what to do
 * @param retryable the same call may succeed later
 * @param retryAfter e-RS's {@code Retry-After} on the last answer (429, 503), if it sent one
 */
@org.osgi.annotation.versioning.ProviderType
public record CallFailure(String code, String reason, boolean retryable, Optional<Duration> retryAfter) {
    public CallFailure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
        retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    public CallFailure(String code, String reason, boolean retryable) {
        this(code, reason, retryable, Optional.empty());
    }
}
