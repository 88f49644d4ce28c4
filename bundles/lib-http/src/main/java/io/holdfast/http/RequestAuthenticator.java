package io.holdfast.http;

/**
 * Decides who sent a request. Endpoints pick one per configuration (mutual TLS, bearer JWT, API key)
 * and answer {@code 401} on {@link AuthOutcome.Denied}. Implementations are thread-safe and may
 * block (a JWKS fetch); they run on the listener's worker pool.
 */
@org.osgi.annotation.versioning.ConsumerType
@FunctionalInterface
public interface RequestAuthenticator {

    AuthOutcome authenticate(HttpCall call);
}
