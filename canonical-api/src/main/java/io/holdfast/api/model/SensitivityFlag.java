package io.holdfast.api.model;

/** PDS confidentiality marking ({@code meta.security}). */
public enum SensitivityFlag {
    /** Unrestricted. */
    U,
    /** Restricted: address, telecom and GP are withheld from most users. */
    R,
    /** Very restricted. */
    V,
    /** Redacted record. */
    REDACTED;

    /** True if address, telecom and GP must be withheld and the record must not be cached. */
    public boolean isRestricted() {
        return this != U;
    }
}
