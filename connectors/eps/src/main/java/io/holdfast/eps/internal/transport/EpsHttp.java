package io.holdfast.eps.internal.transport;

import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.eps.internal.config.EpsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;

/**
 * One POST to EPS with the JDK {@link HttpClient}: {@code Content-Type}/{@code Accept: application/fhir+json},
 * {@code X-Request-ID} and {@code X-Correlation-ID} as given, the auth material's headers and TLS context, no
 * redirects (a redirect would carry the bearer token elsewhere), a cap on the body read. Retrying is the caller's
 * business: the outbox for routed messages, {@link EpsRetries} for direct calls.
 */
public final class EpsHttp {
    public static final String FHIR_JSON = "application/fhir+json";
    private final EpsSettings settings;
    private SSLContext cachedContext;
    private HttpClient cachedClient;

    public EpsHttp(EpsSettings settings) {
        this.settings = settings;
    }

    public EpsAnswer post(URI uri, byte[] body, Map<String, String> headers, AuthMaterial auth) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Content-Type", FHIR_JSON).header("Accept", FHIR_JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        if (auth instanceof AuthMaterial.Headers h) {
            h.headers().forEach(b::header);
        }
        HttpResponse<InputStream> response;
        try {
            response = client(tls(auth)).send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException | ConnectException | UnresolvedAddressException e) {
            return new EpsAnswer.Unanswered("cannot connect to " + origin(uri) + " (" + e.getClass().getSimpleName() + ")", false, true);
        } catch (HttpTimeoutException e) {
            return new EpsAnswer.Unanswered("no answer from " + origin(uri) + " within " + settings.requestTimeout(), true, true);
        } catch (IOException e) {
            return new EpsAnswer.Unanswered("the connection to " + origin(uri) + " broke (" + e.getClass().getSimpleName() + ")", true, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new EpsAnswer.Unanswered("interrupted while calling " + origin(uri), true, true);
        }
        try (InputStream in = response.body()) {
            int max = settings.maxResponseBytes();
            OptionalLong length = response.headers().firstValueAsLong("Content-Length");
            byte[] bytes = length.isPresent() && length.getAsLong() > max ? new byte[max + 1] : in.readNBytes(max + 1);
            if (bytes.length > max) {
                return new EpsAnswer.Unanswered(origin(uri) + " sent an answer over maxResponseBytes=" + max + "; it was not read", true, false);
            }
            return new EpsAnswer.Answered(response.statusCode(), bytes, retryAfter(response));
        } catch (IOException e) {
            return new EpsAnswer.Unanswered("the connection to " + origin(uri) + " broke while reading the answer", true, true);
        }
    }

    /** Seconds only; an HTTP date falls back to the caller's backoff. */
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

    /** scheme://host:port only. */
    public static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }

    /** {@code base} + {@code path} with exactly one slash between. */
    public static URI resolve(String base, String path) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return URI.create(b + path);
    }
}
