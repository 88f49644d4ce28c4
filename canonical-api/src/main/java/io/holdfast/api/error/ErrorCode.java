package io.holdfast.api.error;

/**
 * Stable error codes. The code is part of the public contract (logs, REST bodies, shell output);
 * the message text is not.
 */
@org.osgi.annotation.versioning.ProviderType
public enum ErrorCode {
    INVALID_NHS_NUMBER("HF-100"),
    INVALID_IDENTIFIER("HF-101"),
    INVALID_EVENT("HF-102"),
    INVALID_CONFIGURATION("HF-200"),
    STORE_UNAVAILABLE("HF-300"),
    STORE_LOCKED("HF-301"),
    STORE_CORRUPT("HF-302"),
    SCHEMA_TOO_NEW("HF-303"),
    KEYSTORE_UNAVAILABLE("HF-310"),
    KEYSTORE_PASSPHRASE("HF-311"),
    PAYLOAD_INTEGRITY("HF-320"),
    INTAKE_REFUSED("HF-400"),
    JOURNAL_CHAIN_BROKEN("HF-410"),
    UNKNOWN_SYSTEM("HF-500"),
    CREDENTIAL_INVALID("HF-510"),
    CREDENTIAL_EXPIRED("HF-511"),
    AUTH_FAILED("HF-520"),
    TRANSPORT_FAILED("HF-600"),
    TRANSPORT_REJECTED("HF-601");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    /** The short code shown to users, e.g. {@code HF-100}. */
    public String code() {
        return code;
    }
}
