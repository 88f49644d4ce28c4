package io.holdfast.keys.api;

/** What a key in the master keystore is for. One AES-256 key (or HMAC key) per purpose and version. */
public enum KeyPurpose {
    /** Encrypts payload files (segmented AES-GCM). */
    PAYLOAD,
    /** Keys the HMAC-SHA256 digests of field values, NHS numbers and natural keys in the journal. */
    FIELD_DIGEST,
    /** Encrypts credential vault entries. */
    VAULT
}
