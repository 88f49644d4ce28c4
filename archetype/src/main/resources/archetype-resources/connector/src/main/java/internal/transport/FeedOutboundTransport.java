package ${package}.internal.transport;

import ${package}.internal.ConnectorNames;
import io.holdfast.api.spi.AuthMaterial;
import io.holdfast.api.spi.DeliveryResult;
import io.holdfast.api.spi.OutboundRequest;
import io.holdfast.api.spi.OutboundTransport;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import javax.net.ssl.SSLContext;
import org.osgi.service.component.annotations.Component;

/**
 * Delivers encoded appointments to a booking system's inbox: the inventory target's endpoint is the inbox URL
 * (e.g. {@code https://booking.example.nhs.uk/inbox}). {@code X-Request-ID} is the dispatcher's request id, the same on
 * every retry, so the booking system stores a retried delivery once. Failures are returned, never thrown: the
 * dispatcher retries a {@link DeliveryResult.Transient} with backoff and dead-letters a {@link DeliveryResult.Permanent}.
 */
@Component(service = OutboundTransport.class, property = "holdfast.transport=" + ConnectorNames.TRANSPORT)
public class FeedOutboundTransport implements OutboundTransport {
    static final String REQUEST_ID = "X-Request-ID";
    private static final Set<Integer> PERMANENT = Set.of(400, 401, 403, 404, 405, 409, 410, 413, 415, 422);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient plain = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    /** One client per TLS context (a provider hands out the same context until a credential rotates), for connection reuse. */
    private final Map<SSLContext, HttpClient> tlsClients = Collections.synchronizedMap(new WeakHashMap<>());

    @Override
    public String transport() {
        return ConnectorNames.TRANSPORT;
    }

    @Override
    public DeliveryResult deliver(OutboundRequest request) {
        URI inbox;
        try {
            inbox = URI.create(request.target().endpoint());
        } catch (IllegalArgumentException e) {
            return new DeliveryResult.Permanent("endpoint of '" + request.target().id() + "' is not a URL", Optional.empty());
        }
        byte[] body;
        try (InputStream in = request.body().open()) {
            body = in.readAllBytes();
        } catch (IOException e) {
            return new DeliveryResult.Transient("could not read the encoded message: " + e, Optional.empty());
        }
        HttpRequest post;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(inbox).timeout(TIMEOUT).header(REQUEST_ID, request.requestId())
                    .header("Content-Type", "text/plain; charset=UTF-8").POST(HttpRequest.BodyPublishers.ofByteArray(body));
            request.headers().forEach(builder::header);
            if (request.auth() instanceof AuthMaterial.Headers h) {
                h.headers().forEach(builder::header);
            }
            post = builder.build();
        } catch (IllegalArgumentException e) {
            // a header HTTP forbids here (Host, Content-Length...) or an endpoint that is no http(s) URL: no retry fixes it
            return new DeliveryResult.Permanent("cannot build the request to '" + request.target().id() + "': " + e.getMessage(),
                    Optional.empty());
        }
        try {
            HttpResponse<String> response = client(request.auth()).send(post, HttpResponse.BodyHandlers.ofString());
            return classify(response.statusCode(), response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            return new DeliveryResult.Transient("POST " + inbox + " failed: " + e, Optional.empty());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new DeliveryResult.Transient("interrupted while posting to " + inbox, Optional.empty());
        }
    }

    static DeliveryResult classify(int status, Optional<String> retryAfter) {
        if (status == 201) {
            return new DeliveryResult.Acknowledged("stored by the booking system (HTTP 201)", Optional.empty());
        }
        if (status == 200) {
            return new DeliveryResult.Acknowledged("already stored under this request id (HTTP 200)", Optional.empty());
        }
        if (PERMANENT.contains(status)) {
            return new DeliveryResult.Permanent("booking system refused the message (HTTP " + status + ")", Optional.empty());
        }
        Optional<Duration> delay = retryAfter.flatMap(FeedOutboundTransport::seconds);
        return new DeliveryResult.Transient("booking system answered HTTP " + status, delay);
    }

    private static Optional<Duration> seconds(String retryAfter) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** TLS material from the target's auth provider (TLS_MUTUAL, or headers over a client certificate) needs its own client. */
    private HttpClient client(AuthMaterial auth) {
        Optional<SSLContext> tls = auth instanceof AuthMaterial.Tls t ? Optional.of(t.sslContext())
                : auth instanceof AuthMaterial.Headers h ? h.tls() : Optional.empty();
        return tls.map(ctx -> tlsClients.computeIfAbsent(ctx, c -> HttpClient.newBuilder().connectTimeout(TIMEOUT).sslContext(c).build()))
                .orElse(plain);
    }
}
