package io.holdfast.credentials.api;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.spi.AuthMaterial;

/**
 * CIS2 user-restricted access (OAuth 2.0 token exchange, RFC 8693): swaps the signed-in user's CIS2
 * ID token, together with the system's signed client assertion, for an access token of the API
 * platform. Offered by the CIS2_USER provider.
 */
public interface TokenExchange {

    /**
     * @param subjectToken the user's CIS2 ID token (a JWT); never logged or stored
     * @return bearer headers whose identity names the client key (entry, version, kid)
     * @throws io.holdfast.api.error.HoldfastException {@code AUTH_FAILED} with the token endpoint's error
     */
    AuthMaterial exchange(DownstreamSystem system, String subjectToken);
}
