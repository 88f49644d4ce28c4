package io.holdfast.mesh.internal.transport;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with jitter, capped; a server's Retry-After wins when it is longer. */
public record Backoff(int maxRetries, Duration base, Duration cap) {
    public static final Backoff DEFAULT = new Backoff(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    public Duration delay(int retry, Optional<Duration> retryAfter) {
        long exp = base.toMillis() << Math.min(20, Math.max(0, retry - 1));
        long millis = Math.min(cap.toMillis(), exp);
        millis = millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1);
        long serverSays = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.min(cap.toMillis(), Math.max(millis, serverSays)));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MeshException(0, "", "interrupted while backing off", Optional.empty(), e);
        }
    }
}
