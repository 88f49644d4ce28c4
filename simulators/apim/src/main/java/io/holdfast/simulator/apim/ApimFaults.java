package io.holdfast.simulator.apim;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/** Fault injection: make the next token requests fail with a chosen status and OAuth error. */
public final class ApimFaults {
    private final AtomicInteger remaining = new AtomicInteger();
    private final AtomicReference<OAuthError> error = new AtomicReference<>();

    /** The next {@code count} token requests get {@code status} with {@code error} (e.g. 503 temporarily_unavailable). */
    public void failNextTokenRequests(int count, int status, String errorCode, String description) {
        error.set(new OAuthError(status, errorCode, description));
        remaining.set(count);
    }

    public void clear() {
        remaining.set(0);
    }

    Optional<OAuthError> take() {
        return remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? Optional.ofNullable(error.get()) : Optional.empty();
    }
}
