package io.holdfast.api.spi;

/** How a downstream system authenticates Holdfast. Each inventory system names exactly one. */
@org.osgi.annotation.versioning.ProviderType
public enum AuthPattern {
    /** TLS mutual authentication with a client certificate (Spine, MESH). */
    TLS_MUTUAL,
    /** NHS API platform application-restricted: RS512-signed JWT client assertion for a bearer token. */
    OAUTH2_SIGNED_JWT,
    /** NHS CIS2 user-restricted: token exchange of the user's CIS2 ID token. */
    CIS2_USER,
    /** Organisation credentials: basic auth, mailbox password and similar. */
    ORG_CREDENTIALS,
    /** An {@code apikey} header. */
    API_KEY,
    /** No authentication (e.g. an MLLP feed on a private network). */
    NONE
}
