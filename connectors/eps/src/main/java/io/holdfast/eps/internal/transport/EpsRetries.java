package io.holdfast.eps.internal.transport;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.eps.internal.config.EpsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One logical direct call: the same body and {@code X-Request-ID} on every attempt; 408, 429, 5xx, timeouts and broken
 * connections retried up to {@code maxAttempts} with exponential backoff and jitter from 250 ms (honouring
 * {@code Retry-After}, capped at {@code maxRetryWaitSeconds}); a 401 answered by invalidating the credentials and
 * trying once more.
 */
public final class EpsRetries {
    private static final long FIRST_BACKOFF_MS = 250;
    private final EpsHttp http;
    private final EpsSettings settings;

    public EpsRetries(EpsHttp http, EpsSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    /** The last answer, how many attempts it took and the identity of the credentials last used. */
    public record Outcome(EpsAnswer answer, int attempts, Optional<CredentialIdentity> identity) {
    }

    public Outcome call(URI uri, byte[] body, Map<String, String> headers, EpsAuth auth) {
        boolean reauthenticated = false;
        Optional<CredentialIdentity> identity = Optional.empty();
        int attempt = 0;
        while (true) {
            attempt++;
            AuthMaterial material;
            try {
                material = auth.authenticate();
            } catch (HoldfastException e) {
                return new Outcome(new EpsAnswer.Unanswered("AUTH_FAILED " + e.describe(), false, false), attempt - 1, identity);
            }
            identity = Optional.of(material.identity());
            EpsAnswer answer = http.post(uri, body, headers, material);
            if (answer instanceof EpsAnswer.Answered a && a.status() == 401 && !reauthenticated) {
                auth.invalidate();
                reauthenticated = true;
                attempt--;
                continue;
            }
            if (!retryable(answer) || attempt >= settings.maxAttempts()) {
                return new Outcome(answer, attempt, identity);
            }
            try {
                backoff(attempt, answer instanceof EpsAnswer.Answered a ? a.retryAfter() : Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Outcome(answer, attempt, identity);
            }
        }
    }

    static boolean retryable(EpsAnswer answer) {
        if (answer instanceof EpsAnswer.Unanswered u) {
            return u.retryable();
        }
        int status = ((EpsAnswer.Answered) answer).status();
        return status == 408 || status == 429 || status >= 500;
    }

    private void backoff(int attempt, Optional<Duration> retryAfter) throws InterruptedException {
        long exponential = FIRST_BACKOFF_MS << Math.min(attempt - 1, 10);
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        long wait = retryAfter.map(Duration::toMillis).orElse(jittered);
        Thread.sleep(Math.min(wait, settings.maxRetryWait().toMillis()));
    }
}
