package io.holdfast.credentials.api;

/** What a vault entry version holds. One entry id may hold several kinds, each versioned on its own. */
public enum CredentialKind {
    /** Private key + X.509 certificate chain (leaf first): TLS client auth. */
    KEY_PAIR,
    /** CA certificates to trust for the server's certificate. */
    TRUST_ANCHORS,
    /** An API key (APIM application id; the {@code apikey} header). */
    API_KEY,
    /** RSA private key with its {@code kid}, signing RS512 client assertions; optionally its certificate. */
    JWT_SIGNING_KEY,
    /** A password or shared secret (e.g. the MESH environment shared secret). */
    SECRET,
    /** User name + password of an organisation (basic auth, MESH mailbox id and password). */
    ORG_CREDENTIAL
}
