package io.holdfast.pds.internal.transport;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.pds.CallFailure;
import io.holdfast.pds.internal.config.PdsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical request to PDS with the JDK {@link HttpClient}: the rate limit's slot before every attempt, the
 * same {@code X-Request-ID} on every attempt, 429/5xx/408/timeouts retried with exponential backoff and jitter
 * (honouring {@code Retry-After}, capped), a 401 answered by invalidating the credentials and trying once more, no
 * redirects (a redirect would carry the bearer token elsewhere) and a cap on the body read.
 */
public final class PdsHttpClient {
    public static final String FHIR_JSON = "application/fhir+json";
    public static final String JSON_PATCH = "application/json-patch+json";
    private static final Logger LOG = LoggerFactory.getLogger(PdsHttpClient.class);
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    private final PdsSettings settings;
    private final TokenBucket bucket;
    private SSLContext cachedContext;
    private HttpClient cachedClient;

    public PdsHttpClient(PdsSettings settings, TokenBucket bucket) {
        this.settings = settings;
        this.bucket = bucket;
    }

    public PdsAnswer send(URI base, PdsRequest request, PdsAuth auth) {
        URI uri = URI.create(stripSlash(base.toString()) + request.relative());
        boolean reauthenticated = false;
        Optional<CredentialIdentity> identity = Optional.empty();
        int attempt = 0;
        while (true) {
            attempt++;
            AuthMaterial material;
            try {
                material = auth.authenticate();
            } catch (HoldfastException e) {
                return new PdsAnswer.Unanswered(new CallFailure("AUTH_FAILED", e.describe(), false), attempt - 1, identity);
            }
            identity = Optional.of(material.identity());
            try {
                if (!bucket.acquire(settings.rateWait())) {
                    return new PdsAnswer.Unanswered(new CallFailure("TOO_MANY_REQUESTS", "no rate-limit slot within " + settings.rateWait()
                            + " at " + bucket.perSecond() + " requests/s; nothing was sent, try again later", true), attempt - 1, identity);
                }
                PdsAnswer.Answered answer = once(uri, request, material, attempt);
                if (answer.status() == 401 && !reauthenticated) {
                    // the token may have been revoked or expired early: fetch a new one and try exactly once more
                    auth.invalidate();
                    reauthenticated = true;
                    attempt--;
                    continue;
                }
                if (!retryable(answer.status()) || attempt >= settings.maxAttempts()) {
                    return answer;
                }
                LOG.debug("PDS {} request {} answered {}; attempt {} of {}", request.method(), request.requestId(), answer.status(),
                        attempt, settings.maxAttempts());
                backoff(attempt, retryAfter(answer));
            } catch (CallFailed e) {
                if (!e.failure.retryable() || attempt >= settings.maxAttempts()) {
                    return new PdsAnswer.Unanswered(e.failure, attempt, identity);
                }
                try {
                    backoff(attempt, Optional.empty());
                } catch (InterruptedException ie) {
                    return interrupted(attempt, identity);
                }
            } catch (InterruptedException e) {
                return interrupted(attempt, identity);
            }
        }
    }

    private static PdsAnswer interrupted(int attempt, Optional<CredentialIdentity> identity) {
        Thread.currentThread().interrupt();
        return new PdsAnswer.Unanswered(new CallFailure("INTERRUPTED", "interrupted while calling PDS", true), attempt, identity);
    }

    static boolean retryable(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    private PdsAnswer.Answered once(URI uri, PdsRequest request, AuthMaterial material, int attempt) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Accept", FHIR_JSON)
                .header("X-Request-ID", request.requestId());
        request.correlationId().ifPresent(c -> b.header("X-Correlation-ID", c));
        request.ifMatch().ifPresent(v -> b.header("If-Match", v));
        if (material instanceof AuthMaterial.Headers h) {
            h.headers().forEach(b::header);
        }
        if (request.body().isPresent()) {
            b.header("Content-Type", JSON_PATCH).method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body().get()));
        } else {
            b.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<InputStream> response;
        try {
            response = client(tls(material)).send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new CallFailed(new CallFailure("UNREACHABLE", "no answer from " + origin(uri) + " within " + settings.requestTimeout(), true));
        } catch (IOException e) {
            throw new CallFailed(new CallFailure("UNREACHABLE", "cannot reach " + origin(uri) + " (" + e.getClass().getSimpleName() + ")", true));
        }
        try (InputStream in = response.body()) {
            byte[] body = read(uri, response, in);
            return new PdsAnswer.Answered(response.statusCode(), response.headers().firstValue("ETag"), retryAfter(response), body, attempt,
                    Optional.of(material.identity()));
        } catch (IOException e) {
            throw new CallFailed(new CallFailure("UNREACHABLE", "the connection to " + origin(uri) + " broke while reading the answer", true));
        }
    }

    private byte[] read(URI uri, HttpResponse<InputStream> response, InputStream in) throws IOException {
        int max = settings.maxResponseBytes();
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() > max) {
            throw tooLarge(uri, length.getAsLong() + " bytes announced");
        }
        byte[] bytes = in.readNBytes(max + 1);
        if (bytes.length > max) {
            throw tooLarge(uri, "more than " + max + " bytes sent");
        }
        return bytes;
    }

    private CallFailed tooLarge(URI uri, String what) {
        return new CallFailed(new CallFailure("RESPONSE_TOO_LARGE", origin(uri) + " sent an answer over maxResponseBytes="
                + settings.maxResponseBytes() + " (" + what + "); it was not read", false));
    }

    private void backoff(int attempt, Optional<Duration> retryAfter) throws InterruptedException {
        long exponential = FIRST_BACKOFF.toMillis() << Math.min(attempt - 1, 10);
        long jittered = exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1);
        long wait = retryAfter.map(Duration::toMillis).orElse(jittered);
        Thread.sleep(Math.min(wait, settings.maxRetryWait().toMillis()));
    }

    private static Optional<Duration> retryAfter(PdsAnswer.Answered answer) {
        return answer.retryAfter();
    }

    /** Seconds only; an HTTP date falls back to the exponential backoff. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<SSLContext> tls(AuthMaterial auth) {
        if (auth instanceof AuthMaterial.Tls t) {
            return Optional.of(t.sslContext());
        }
        return auth instanceof AuthMaterial.Headers h ? h.tls() : Optional.empty();
    }

    /** One client per TLS context: a rotated credential brings a new context, and so a new client. */
    private synchronized HttpClient client(Optional<SSLContext> tls) {
        SSLContext wanted = tls.orElse(null);
        if (cachedClient == null || cachedContext != wanted) {
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER);
            tls.ifPresent(b::sslContext);
            cachedClient = b.build();
            cachedContext = wanted;
        }
        return cachedClient;
    }

    /** scheme://host:port only: paths and queries carry NHS numbers and names. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** An attempt that got no usable answer. */
    private static final class CallFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CallFailure failure;

        CallFailed(CallFailure failure) {
            super(failure.reason(), null, false, false);
            this.failure = failure;
        }
    }
}
