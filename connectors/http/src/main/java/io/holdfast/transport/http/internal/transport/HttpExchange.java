package io.holdfast.transport.http.internal.transport;

import io.holdfast.api.message.Payload;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.transport.http.internal.config.HttpTransportSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * Sends one planned request with one set of auth material and reads the response within the response
 * timeout and the size cap. One {@link HttpClient} per TLS context (the credentials bundle caches a
 * context per vault version pair, so a rotation brings a new client while calls in flight keep theirs).
 */
final class HttpExchange {
    /** Clients kept: one per distinct TLS context in use; old ones (rotated credentials) fall out. */
    private static final int CLIENTS = 32;
    private final HttpTransportSettings settings;
    private final Map<Optional<SSLContext>, HttpClient> clients = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Optional<SSLContext>, HttpClient> eldest) {
            return size() > CLIENTS;
        }
    };

    HttpExchange(HttpTransportSettings settings) {
        this.settings = settings;
    }

    HttpAnswer send(RequestPlan plan, Payload body, AuthMaterial auth) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(plan.uri()).timeout(settings.responseTimeout())
                .method(plan.method(), publisher(body));
        plan.headers().forEach(b::header);
        if (auth instanceof AuthMaterial.Headers h) {
            h.headers().forEach(b::setHeader);
        }
        CappedBodySubscriber subscriber = new CappedBodySubscriber(settings.maxResponseBytes());
        CompletableFuture<HttpResponse<CappedBody>> call = client(tls(auth)).sendAsync(b.build(), info -> subscriber);
        try {
            HttpResponse<CappedBody> r = call.get(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return new HttpAnswer(r.statusCode(), r.headers(), r.body());
        } catch (TimeoutException e) {
            subscriber.abort();
            call.cancel(true);
            throw new HttpTimeoutException("no complete response within " + settings.responseTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            subscriber.abort();
            call.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw io(e.getCause());
        }
    }

    private static IOException io(Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof UncheckedIOException u) {
            return u.getCause();
        }
        return new IOException(cause.getClass().getSimpleName() + ": " + cause.getMessage(), cause);
    }

    private static HttpRequest.BodyPublisher publisher(Payload body) {
        if (body instanceof Payload.Bytes bytes) {
            return HttpRequest.BodyPublishers.ofByteArray(bytes.bytes());
        }
        // Streamed from the journal or a file as the client sends it, with its length (no chunked encoding).
        return HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
            try {
                return body.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), body.size());
    }

    private static Optional<SSLContext> tls(AuthMaterial auth) {
        if (auth instanceof AuthMaterial.Tls t) {
            return Optional.of(t.sslContext());
        }
        return auth instanceof AuthMaterial.Headers h ? h.tls() : Optional.empty();
    }

    private synchronized HttpClient client(Optional<SSLContext> tls) {
        return clients.computeIfAbsent(tls, t -> {
            HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                    .followRedirects(HttpClient.Redirect.NEVER);
            t.ifPresent(b::sslContext);
            return b.build();
        });
    }
}
