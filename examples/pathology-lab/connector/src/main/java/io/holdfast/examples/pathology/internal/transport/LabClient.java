package io.holdfast.examples.pathology.internal.transport;

import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.examples.pathology.internal.config.LabSettings;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import javax.net.ssl.SSLContext;

/**
 * One {@code GET} of a results page with the JDK's {@link HttpClient}: the auth material's headers and
 * TLS context, no redirects (a redirect would carry the API key elsewhere), a deadline, and a cap on the
 * body read, checked against Content-Length first and then while reading.
 */
public final class LabClient {
    static final String NEXT_CURSOR = "X-Next-Cursor";
    private final Duration timeout;
    private final int maxBytes;
    private SSLContext cachedContext;
    private HttpClient cachedClient;

    public LabClient(Duration timeout, int maxBytes) {
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    public LabPage get(URI uri, AuthMaterial auth) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "text/csv").GET();
        if (auth instanceof AuthMaterial.Headers h) {
            h.headers().forEach(request::header);
        }
        HttpResponse<InputStream> response;
        try {
            response = client(tls(auth)).send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new LabCallException(LabCallException.Kind.UNREACHABLE, "no answer from " + origin(uri) + " within " + timeout);
        } catch (IOException e) {
            throw new LabCallException(LabCallException.Kind.UNREACHABLE, "cannot reach " + origin(uri) + " ("
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabCallException(LabCallException.Kind.INTERRUPTED, "interrupted while calling " + origin(uri));
        }
        try (InputStream body = response.body()) {
            return page(uri, response, body);
        } catch (IOException e) {
            throw new LabCallException(LabCallException.Kind.UNREACHABLE, "connection to " + origin(uri) + " broke while reading the page ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private LabPage page(URI uri, HttpResponse<InputStream> response, InputStream body) throws IOException {
        int status = response.statusCode();
        String where = origin(uri) + " answered " + status;
        if (status == 401) {
            throw new LabCallException(LabCallException.Kind.UNAUTHORIZED, where + ": the credential was refused");
        }
        if (status == 429) {
            throw new LabCallException(LabCallException.Kind.THROTTLED, where + " (too many requests)", retryAfter(response));
        }
        if (status >= 500) {
            throw new LabCallException(LabCallException.Kind.SERVER_ERROR, where + " (lab error)", retryAfter(response));
        }
        if (status != 200) {
            throw new LabCallException(LabCallException.Kind.REFUSED, where + "; check resultsPath and the stored cursor");
        }
        String type = response.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (!type.startsWith("text/csv")) {
            throw new LabCallException(LabCallException.Kind.PROTOCOL, where + " with Content-Type '" + type + "', not text/csv");
        }
        OptionalLong length = response.headers().firstValueAsLong("Content-Length");
        if (length.isPresent() && length.getAsLong() > maxBytes) {
            throw oversize(uri, length.getAsLong() + " bytes announced");
        }
        byte[] bytes = body.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw oversize(uri, "more than " + maxBytes + " bytes sent");
        }
        String cursor = response.headers().firstValue(NEXT_CURSOR).orElse("");
        if (cursor.isEmpty() || !cursor.matches(LabSettings.CURSOR_PATTERN)) {
            throw new LabCallException(LabCallException.Kind.PROTOCOL, where + " without a valid " + NEXT_CURSOR
                    + " header (1-128 printable ASCII characters); the page was not taken");
        }
        return new LabPage(bytes, cursor);
    }

    private LabCallException oversize(URI uri, String what) {
        return new LabCallException(LabCallException.Kind.OVERSIZE, origin(uri) + " sent a page over maxResponseBytes=" + maxBytes
                + " (" + what + "); it was not read and is asked for again in smaller pages");
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(v -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.trim()))));
            } catch (NumberFormatException e) {
                return Optional.empty(); // an HTTP date: the exponential backoff applies instead
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
            HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER);
            tls.ifPresent(b::sslContext);
            cachedClient = b.build();
            cachedContext = wanted;
        }
        return cachedClient;
    }

    /** scheme://host:port only: paths and queries may carry cursors, never worth logging. */
    static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
