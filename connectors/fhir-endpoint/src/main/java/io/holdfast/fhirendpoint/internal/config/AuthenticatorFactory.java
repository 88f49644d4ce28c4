package io.holdfast.fhirendpoint.internal.config;

import io.holdfast.http.ApiKeyAuthenticator;
import io.holdfast.http.JwksSource;
import io.holdfast.http.JwtBearerAuthenticator;
import io.holdfast.http.JwtPolicy;
import io.holdfast.http.MutualTlsAuthenticator;
import io.holdfast.http.RequestAuthenticator;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** The endpoint's configured authentication, built from lib-http's reusable authenticators. */
public final class AuthenticatorFactory {
    private AuthenticatorFactory() {
    }

    public static RequestAuthenticator from(EndpointSettings settings, Clock clock) {
        return switch (settings.auth()) {
            case "mtls" -> new MutualTlsAuthenticator(Set.copyOf(settings.mtls().allowed()));
            case "apikey" -> new ApiKeyAuthenticator(settings.apiKey().orElseThrow().header(), settings.apiKey().orElseThrow().sha256ByName());
            case "bearer" -> bearer(settings.bearer().orElseThrow(), clock);
            default -> throw new IllegalStateException("auth " + settings.auth() + " passed validation");
        };
    }

    private static RequestAuthenticator bearer(EndpointSettings.BearerSettings b, Clock clock) {
        JwksSource jwks = b.jwksUrl().isPresent()
                ? JwksSource.url(URI.create(b.jwksUrl().get()), b.jwksCacheTtl(),
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), clock)
                : JwksSource.file(Path.of(b.jwksFile().orElseThrow()));
        return new JwtBearerAuthenticator(jwks, new JwtPolicy(b.issuer(), b.audience(), Set.copyOf(b.algorithms()), b.clockSkew()), clock);
    }
}
