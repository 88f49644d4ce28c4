package io.holdfast.eps.internal.transport;

import java.time.Duration;
import java.util.Optional;

/** What one HTTP exchange with EPS gave: an answer, or none and whether the request may have reached EPS. */
public sealed interface EpsAnswer {

    record Answered(int status, byte[] body, Optional<Duration> retryAfter) implements EpsAnswer {
    }

    /**
     * No usable answer. {@code mayHaveLanded}: the request was (or may have been) sent before the failure (a timeout
     * waiting for the answer, a connection broken while reading), so EPS may have acted on it; false when the
     * connection was never made.
     */
    record Unanswered(String reason, boolean mayHaveLanded, boolean retryable) implements EpsAnswer {
    }
}
