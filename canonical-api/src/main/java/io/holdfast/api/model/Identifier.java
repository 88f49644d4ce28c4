package io.holdfast.api.model;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;

/**
 * A business identifier: a system (URI, or {@code urn:holdfast:...} for local assigning
 * authorities) and a value.
 */
@org.osgi.annotation.versioning.ProviderType
public record Identifier(String system, String value) {
    /** System prefix for a local identifier assigned by an authority, e.g. a hospital MRN. */
    public static final String LOCAL_PREFIX = "urn:holdfast:local:";

    public Identifier {
        if (system == null || system.isBlank()) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, "identifier system is required");
        }
        if (value == null || value.isBlank()) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, "identifier value is required for system " + system);
        }
    }

    /** An NHS number identifier. */
    public static Identifier of(NhsNumber nhsNumber) {
        return new Identifier(NhsNumber.SYSTEM, nhsNumber.value());
    }

    /** A local identifier (e.g. MRN) with its assigning authority (e.g. {@code RXX01} or {@code PAS}). */
    public static Identifier local(String assigningAuthority, String value) {
        if (assigningAuthority == null || assigningAuthority.isBlank()) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, "a local identifier needs an assigning authority");
        }
        return new Identifier(LOCAL_PREFIX + assigningAuthority, value);
    }

    public boolean isNhsNumber() {
        return NhsNumber.SYSTEM.equals(system);
    }

    /** {@code system|value}: the form used inside natural keys. */
    public String token() {
        return system + "|" + value;
    }

    @Override
    public String toString() {
        // NHS numbers and MRNs are identifying: keep them out of accidental log lines.
        return "Identifier[" + system + "|***]";
    }
}
