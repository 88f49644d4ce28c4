package io.holdfast.api.kernel;

import io.holdfast.api.spi.AuthMaterial;

/**
 * User-restricted access to the NHS API platform (CIS2 separate authentication): swaps the signed-in
 * user's CIS2 ID token, together with the system's signed client assertion (its API key and JWT signing
 * key from the vault), for an access token, by OAuth 2.0 token exchange (RFC 8693:
 * {@code grant_type=urn:ietf:params:oauth:grant-type:token-exchange},
 * {@code subject_token_type=urn:ietf:params:oauth:token-type:id_token}). Tokens are cached per system and
 * user until shortly before they expire.
 *
 * <p>This is not an {@link io.holdfast.api.spi.AuthProvider}: every call needs a user's token, so an
 * unattended outbox delivery can never use it. A connector calls it on behalf of a signed-in user (e.g.
 * a PDS update) for a system whose vault entry holds the application's API_KEY and JWT_SIGNING_KEY.
 * Look it up as a service with {@code holdfast.auth.pattern=CIS2_USER} ({@link #PATTERN_FILTER}).
 *
 * <p>Provided by the kernel (the credentials bundle); connectors only call it. Never log the subject
 * token or the returned headers; journal {@link AuthMaterial#identity()} only.
 *
 * @since 1.4
 */
@org.osgi.annotation.versioning.ProviderType
public interface UserTokenExchange {

    /** OSGi filter selecting the CIS2 implementation. */
    String PATTERN_FILTER = "(holdfast.auth.pattern=CIS2_USER)";

    /**
     * @param system       the API's inventory system: its endpoint's origin + the configured token path is
     *                     the token URL; its credential ref names the vault entry
     * @param subjectToken the user's CIS2 ID token (a JWT); never logged, stored only as a SHA-256 cache key
     * @return {@code Authorization: Bearer …} headers (plus the entry's trust anchors as TLS material, if
     *         any), valid until shortly before the token expires; the identity names the client key
     *         (entry, version, kid)
     * @throws io.holdfast.api.error.HoldfastException {@code AUTH_FAILED} when no ID token is given or the
     *         token endpoint refuses (its OAuth {@code error} and {@code error_description} in the text; a
     *         5xx or network failure says the call may be retried); {@code CREDENTIAL_INVALID} when the
     *         entry lacks its API_KEY or JWT_SIGNING_KEY; {@code CREDENTIAL_EXPIRED} when the signing
     *         key's certificate has expired
     */
    AuthMaterial.Headers exchange(DownstreamSystem system, String subjectToken);

    /**
     * Drops the cached token of this user for {@code system}, e.g. after the API answered 401, so the
     * next {@link #exchange} fetches afresh. Retry the call once; a second 401 is a failure.
     */
    void invalidate(DownstreamSystem system, String subjectToken);
}
