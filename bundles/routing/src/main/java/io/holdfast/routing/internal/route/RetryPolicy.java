package io.holdfast.routing.internal.route;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** How often and how patiently a route retries transient failures. */
public record RetryPolicy(int maxAttempts, long initialBackoffMs, long maxBackoffMs) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(10, 1000, 300_000);

    /**
     * Delay before the attempt after {@code attemptsMade}: exponential, capped, with "equal jitter"
     * (half fixed, half random) so retries from many rows do not arrive together; never shorter
     * than what the server asked for.
     */
    public long delayMs(int attemptsMade, Optional<Duration> retryAfter) {
        int shift = Math.max(0, Math.min(attemptsMade - 1, 30));
        long exponential = Math.min(maxBackoffMs, initialBackoffMs << shift);
        long half = exponential / 2;
        long jittered = half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
        return Math.max(jittered, retryAfter.map(Duration::toMillis).orElse(0L));
    }

    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= maxAttempts;
    }
}
