package io.holdfast.mesh.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.mesh.protocol.MeshAuthToken;
import io.holdfast.mesh.protocol.MeshHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One mailbox's HTTP plumbing: every request gets a fresh NHSMESH token (single-use nonce) and
 * the v2 Accept header; errors become {@link MeshException}s with MESH's code; idempotent calls
 * are retried on 425/429/502/503/504 and dropped connections with backoff.
 */
public final class MeshHttp {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(MeshHttp.class);
    private final MeshEndpoint endpoint;
    private final HttpClient http;
    private final Clock clock;
    private final Backoff backoff;
    private final Duration timeout;

    public MeshHttp(MeshEndpoint endpoint, HttpClient http, Clock clock, Backoff backoff, Duration timeout) {
        this.endpoint = endpoint;
        this.http = http;
        this.clock = clock;
        this.backoff = backoff;
        this.timeout = timeout;
    }

    public static HttpClient newClient(MeshEndpoint endpoint, Duration connectTimeout) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        endpoint.tls().ifPresent(b::sslContext);
        return b.build();
    }

    public MeshEndpoint endpoint() {
        return endpoint;
    }

    public Backoff backoff() {
        return backoff;
    }

    /** A request builder for a path under the base URL, authorised with a fresh token. */
    public HttpRequest.Builder request(String pathAndQuery) {
        return request(endpoint.resolve(pathAndQuery));
    }

    /**
     * A request builder for an absolute URI on the MESH server (e.g. a resolved {@code links.next}).
     *
     * @throws MeshException if the URI is not on the configured server (the token must not go elsewhere)
     */
    public HttpRequest.Builder request(URI uri) {
        if (!endpoint.sameOrigin(uri)) {
            throw MeshException.protocolViolation("MESH pointed to " + uri.getScheme() + "://" + uri.getAuthority()
                    + ", which is not the configured server " + endpoint.baseUrl() + "; not followed");
        }
        MeshAuthToken token = MeshAuthToken.create(endpoint.mailboxId(), endpoint.password(), endpoint.sharedKey(), clock.instant());
        return HttpRequest.newBuilder(uri).timeout(timeout)
                .header(MeshHeaders.AUTHORIZATION, token.header())
                .header(MeshHeaders.ACCEPT, MeshHeaders.MEDIA_TYPE_V2);
    }

    /** Sends once; no retries. Non-2xx answers throw. */
    public <T> HttpResponse<T> sendOnce(String what, HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        HttpResponse<T> response;
        try {
            response = http.send(request, handler);
        } catch (HttpTimeoutException e) {
            throw MeshException.noAnswer(what, e);
        } catch (IOException e) {
            throw MeshException.noAnswer(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MeshException.noAnswer(what, e);
        }
        if (response.statusCode() >= 300) {
            throw error(what, response);
        }
        return response;
    }

    /** Sends, retrying retryable failures with backoff (for idempotent requests only). */
    public <T> HttpResponse<T> send(String what, Supplier<HttpRequest> request, HttpResponse.BodyHandler<T> handler) {
        for (int retry = 0; ; retry++) {
            try {
                return sendOnce(what, request.get(), handler);
            } catch (MeshException e) {
                if (!e.retryable() || retry >= backoff.maxRetries()) {
                    throw e;
                }
                Duration d = backoff.delay(retry + 1, e.retryAfter());
                LOG.debug("MESH {} {}: {} failed with {}, retry {} in {}", endpoint.mailboxId(), what, e.status(), e.meshCode(),
                        retry + 1, d);
                Backoff.sleep(d);
            }
        }
    }

    public JsonNode json(String what, Supplier<HttpRequest> request) {
        HttpResponse<byte[]> r = send(what, request, HttpResponse.BodyHandlers.ofByteArray());
        try {
            byte[] body = r.body();
            return body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new MeshException(r.statusCode(), "", what + ": MESH answered with a body that is not JSON", Optional.empty(), e);
        }
    }

    private static MeshException error(String what, HttpResponse<?> response) {
        byte[] body = new byte[0];
        try {
            if (response.body() instanceof byte[] b) {
                body = b;
            } else if (response.body() instanceof InputStream in) {
                try (in) {
                    body = in.readNBytes(64 * 1024);
                }
            }
        } catch (IOException e) {
            LOG.debug("could not read the MESH error body", e);
        }
        String code = "";
        String msg = "";
        try {
            JsonNode n = body.length == 0 ? null : JSON.readTree(body);
            JsonNode detail = n == null ? null : n.path("detail").path(0);
            if (detail != null && !detail.isMissingNode()) {
                code = detail.path("code").asText("");
                msg = detail.path("msg").asText("");
            } else if (n != null) {
                code = n.path("errorCode").asText("");
                msg = n.path("errorDescription").asText(n.path("message").asText(""));
            }
        } catch (IOException e) {
            msg = "(error body is not JSON)";
        }
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(MeshHttp::seconds);
        return new MeshException(response.statusCode(), code,
                what + ": MESH answered " + response.statusCode() + (code.isEmpty() ? "" : " code " + code) + (msg.isEmpty() ? "" : " (" + msg + ")"),
                retryAfter, null);
    }

    private static Optional<Duration> seconds(String v) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
