package io.holdfast.http.internal.jwt;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.http.JsonWebKey;
import io.holdfast.http.JwksSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JWKS URL, cached for a TTL. A refresh for an unknown {@code kid} is allowed at most once per
 * {@link #MIN_REFRESH_INTERVAL}, so tokens with made-up key ids cannot make us hammer the issuer.
 */
public final class UrlJwksSource implements JwksSource {
    static final Duration MIN_REFRESH_INTERVAL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(UrlJwksSource.class);
    private static final int MAX_JWKS_BYTES = 1 << 20;
    private final URI url;
    private final Duration ttl;
    private final HttpClient client;
    private final Clock clock;
    private List<JsonWebKey> keys;
    private Instant fetchedAt = Instant.MIN;

    public UrlJwksSource(URI url, Duration ttl, HttpClient client, Clock clock) {
        this.url = url;
        this.ttl = ttl;
        this.client = client;
        this.clock = clock;
    }

    @Override
    public synchronized List<JsonWebKey> keys(boolean refresh) {
        Instant now = clock.instant();
        boolean expired = keys == null || now.isAfter(fetchedAt.plus(ttl));
        boolean refreshAllowed = refresh && now.isAfter(fetchedAt.plus(MIN_REFRESH_INTERVAL));
        if (expired || refreshAllowed) {
            try {
                keys = fetch();
                fetchedAt = now;
            } catch (HoldfastException e) {
                if (keys == null) {
                    throw e;
                }
                LOG.warn("JWKS {} not refreshed, keeping the {} keys fetched at {}: {}", url, keys.size(), fetchedAt, e.describe());
                fetchedAt = now.minus(ttl).plus(MIN_REFRESH_INTERVAL);
            }
        }
        return keys;
    }

    private List<JsonWebKey> fetch() {
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).header("Accept", "application/json").GET().build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                byte[] bytes = body.readNBytes(MAX_JWKS_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw new HoldfastException(ErrorCode.AUTH_FAILED, "JWKS " + url + " answered HTTP " + response.statusCode());
                }
                if (bytes.length > MAX_JWKS_BYTES) {
                    throw new HoldfastException(ErrorCode.AUTH_FAILED, "JWKS " + url + " is larger than " + MAX_JWKS_BYTES + " bytes");
                }
                return JwksParser.parse(bytes, url.toString());
            }
        } catch (IOException e) {
            throw new HoldfastException(ErrorCode.AUTH_FAILED, "JWKS " + url + " cannot be fetched: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HoldfastException(ErrorCode.AUTH_FAILED, "interrupted while fetching JWKS " + url, e);
        }
    }
}
