package io.holdfast.http;

import io.holdfast.http.internal.jwt.FileJwksSource;
import io.holdfast.http.internal.jwt.UrlJwksSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Where {@link JwtBearerAuthenticator} gets the issuer's public keys: a JWKS file or URL. */
@org.osgi.annotation.versioning.ConsumerType
public interface JwksSource {

    /**
     * The current keys. {@code refresh} asks for a fresh copy (a token named a {@code kid} the cached
     * set lacks, e.g. after the issuer rotated); sources rate-limit such refreshes.
     *
     * @throws io.holdfast.api.error.HoldfastException when no key set could be read at all
     */
    List<JsonWebKey> keys(boolean refresh);

    /** A JWKS file, read again when its modification time changes. */
    static JwksSource file(Path file) {
        return new FileJwksSource(file);
    }

    /**
     * A JWKS URL (https in production), cached for {@code ttl}; a failed fetch keeps the previous
     * keys (WARN) so an issuer outage does not lock callers out until the cache would have expired.
     */
    static JwksSource url(URI url, Duration ttl, HttpClient client, Clock clock) {
        return new UrlJwksSource(url, ttl, client, clock);
    }
}
