package io.holdfast.api.spi;

import io.holdfast.api.kernel.DownstreamSystem;

/**
 * Obtains credentials for calls to a downstream system, for one {@link AuthPattern}. Register as
 * an OSGi service with property {@code holdfast.auth.pattern} = the pattern name. Refuses expired
 * material with {@code CREDENTIAL_EXPIRED} naming the system and the certificate; missing material
 * is {@code CREDENTIAL_INVALID}, a refused token request {@code AUTH_FAILED}.
 *
 * <p>Transports: call {@link #authenticate} for every call (it is cheap: material and tokens are
 * cached, and a credential rotation shows up on the next call). On an HTTP 401 from the downstream
 * system, call {@link #invalidate} once, authenticate again and retry the request once; a second
 * 401 is a failure. Journal {@link AuthMaterial#identity()}, never the material.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface AuthProvider {

    AuthPattern pattern();

    /** Credentials for the next call to {@code system} (cached tokens are reused until shortly before expiry). */
    AuthMaterial authenticate(DownstreamSystem system);

    /** Drops cached material for {@code system}, e.g. after a 401, so the next call fetches afresh. */
    default void invalidate(DownstreamSystem system) {
    }
}
