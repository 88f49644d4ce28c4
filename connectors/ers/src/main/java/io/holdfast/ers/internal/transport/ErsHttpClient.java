package io.holdfast.ers.internal.transport;

import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.ers.CallFailure;
import io.holdfast.ers.internal.config.ErsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;

/**
 * Sends one logical request to e-RS: the same {@code X-Request-ID} on every attempt; 429, 408, 5xx, timeouts and broken
 * connections retried up to {@code maxAttempts} with exponential backoff and jitter, honouring {@code Retry-After}
 * (capped at {@code maxRetryWaitSeconds}); one re-authentication after a 401; no redirects (they would carry the bearer
 * token elsewhere); bodies over {@code maxResponseBytes} not read.
 */
public final class ErsHttpClient {
    public static final String FHIR_JSON = "application/fhir+json";
    private static final long FIRST_BACKOFF_MS = 200;
    private final ErsSettings settings;
    private volatile Client cached;

    public ErsHttpClient(ErsSettings settings) {
        this.settings = settings;
    }

    private record Client(Optional<SSLContext> tls, HttpClient http) {
    }

    public ErsAnswer send(String base, ErsRequest request, ErsAuth auth) {
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.path());
        Attempts state = new Attempts();
        while (true) {
            state.number++;
            AuthMaterial material;
            try {
                material = auth.authenticate();
            } catch (HoldfastException e) {
                return new ErsAnswer.Unanswered(new CallFailure("AUTH_FAILED", e.describe(), false), Optional.empty(), state.number - 1,
                        state.identity, state.uncertain);
            }
            state.identity = Optional.of(material.identity());
            ErsAnswer.Answered answer;
            try {
                answer = once(uri, request, material, state);
            } catch (Unclear e) {
                state.uncertain = true;
                if (!e.failure.retryable() || state.number >= settings.maxAttempts()) {
                    return new ErsAnswer.Unanswered(e.failure, Optional.empty(), state.number, state.identity, state.uncertain);
                }
                if (!pause(state.number, Optional.empty())) {
                    return interrupted(state);
                }
                continue;
            } catch (InterruptedException e) {
                return interrupted(state);
            }
            if (answer.status() == 401 && !state.reauthenticated) {
                auth.invalidate();
                state.reauthenticated = true;
                state.number--;
                continue;
            }
            if (!retryable(answer.status()) || state.number >= settings.maxAttempts()) {
                return answer;
            }
            state.uncertain |= answer.status() >= 500 || answer.status() == 408;
            if (!pause(state.number, answer.retryAfter())) {
                return interrupted(state);
            }
        }
    }

    private static final class Attempts {
        int number;
        boolean reauthenticated;
        boolean uncertain;
        Optional<CredentialIdentity> identity = Optional.empty();
    }

    public static boolean retryable(int status) {
        return status == 429 || status == 408 || status >= 500;
    }

    private ErsAnswer interrupted(Attempts state) {
        Thread.currentThread().interrupt();
        return new ErsAnswer.Unanswered(new CallFailure("INTERRUPTED", "interrupted while calling e-RS", true), Optional.empty(), state.number,
                state.identity, state.uncertain);
    }

    private ErsAnswer.Answered once(URI uri, ErsRequest request, AuthMaterial material, Attempts state) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Accept", FHIR_JSON + ", */*;q=0.1")
                .header("X-Request-ID", request.requestId());
        request.correlationId().ifPresent(c -> b.header("X-Correlation-ID", c));
        request.roleHeaders().forEach(b::header);
        request.ifMatch().ifPresent(v -> b.header("If-Match", v));
        if (material instanceof AuthMaterial.Headers h) {
            h.headers().forEach(b::header);
        }
        b.method(request.method(), request.body().map(HttpRequest.BodyPublishers::ofByteArray).orElse(HttpRequest.BodyPublishers.noBody()));
        request.body().ifPresent(x -> b.header("Content-Type", FHIR_JSON));
        HttpResponse<InputStream> response;
        try {
            response = client(tls(material)).send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new Unclear(new CallFailure("UNREACHABLE", "no answer from " + origin(uri) + " within " + settings.requestTimeout(), true));
        } catch (IOException e) {
            throw new Unclear(new CallFailure("UNREACHABLE", "cannot reach " + origin(uri) + " (" + e.getClass().getSimpleName() + ")", true));
        }
        try (InputStream in = response.body()) {
            byte[] body = read(uri, response, in);
            return new ErsAnswer.Answered(response.statusCode(), response.headers().firstValue("ETag"),
                    response.headers().firstValue("Content-Type"), retryAfter(response), body, state.number, state.identity, state.uncertain);
        } catch (IOException e) {
            throw new Unclear(new CallFailure("UNREACHABLE", "the connection to " + origin(uri) + " broke while reading the answer", true));
        }
    }

    private byte[] read(URI uri, HttpResponse<InputStream> response, InputStream in) throws IOException {
        int max = settings.maxResponseBytes();
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        byte[] bytes = announced > max ? null : in.readNBytes(max + 1);
        if (bytes == null || bytes.length > max) {
            throw new Unclear(new CallFailure("RESPONSE_TOO_LARGE", origin(uri) + " sent an answer over maxResponseBytes=" + max
                    + "; it was not read", false));
        }
        return bytes;
    }

    /** @return false if interrupted */
    private boolean pause(int attempt, Optional<Duration> retryAfter) {
        long exponential = FIRST_BACKOFF_MS << Math.min(attempt - 1, 10);
        long wait = retryAfter.map(Duration::toMillis).orElse(exponential / 2 + ThreadLocalRandom.current().nextLong(exponential / 2 + 1));
        try {
            Thread.sleep(Math.min(wait, settings.maxRetryWait().toMillis()));
            return true;
        } catch (InterruptedException e) {
            return false;
        }
    }

    /** Seconds only; an HTTP date falls back to the exponential backoff. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
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

    /** One client per TLS context: a rotated credential brings a new context, so a new client. */
    private HttpClient client(Optional<SSLContext> tls) {
        Client c = cached;
        if (c == null || !c.tls().equals(tls)) {
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER);
            tls.ifPresent(b::sslContext);
            c = new Client(tls, b.build());
            cached = c;
        }
        return c.http();
    }

    /** scheme://host:port only: paths carry UBRNs. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** An attempt without a usable answer. */
    private static final class Unclear extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient CallFailure failure;

        Unclear(CallFailure failure) {
            super(failure.reason(), null, false, false);
            this.failure = failure;
        }
    }
}
