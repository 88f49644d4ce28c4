package io.holdfast.api.model;

/** PDS confidentiality marking ({@code meta.security}). */
@org.osgi.annotation.versioning.ProviderType
public enum SensitivityFlag {
    /** Unrestricted. */
    U,
    /** Restricted: address, telecom and GP are withheld from most users. */
    R,
    /** Very restricted. */
    V,
    /** Redacted record. */
    REDACTED,
    /**
     * The source said nothing about confidentiality (e.g. an HL7 v2 message without PD1-12).
     * Treated as restricted until PDS or the sender states otherwise: a record must never look
     * unrestricted only because nobody said it was restricted.
     */
    NOT_STATED;

    /** True if address, telecom and GP must be withheld and the record must not be cached (everything but {@link #U}). */
    public boolean isRestricted() {
        return this != U;
    }
}
