package io.holdfast.simulator.apim;

import java.util.Optional;

/**
 * Lets a resource simulator (PDS, e-RS, …) accept the bearer tokens this APIM simulator issued, as
 * the platform's proxies do in front of each API. In the sandbox the APIM simulator component
 * offers it as an OSGi service; in tests pass the {@link ApimSimulator} itself.
 */
public interface AccessTokenIntrospection {

    /** The grant behind {@code accessToken} while it is issued, unexpired and not revoked. */
    Optional<AccessTokenGrant> introspect(String accessToken);

    default boolean isActiveToken(String accessToken) {
        return introspect(accessToken).isPresent();
    }
}
