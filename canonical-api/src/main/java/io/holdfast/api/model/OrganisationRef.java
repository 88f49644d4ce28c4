package io.holdfast.api.model;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;

/** A reference to an organisation by ODS code (Trust, site, GP practice, pharmacy). */
@org.osgi.annotation.versioning.ProviderType
public record OrganisationRef(String odsCode) {
    public static final String SYSTEM = "https://fhir.nhs.uk/Id/ods-organization-code";

    public OrganisationRef {
        if (odsCode == null || odsCode.isBlank()) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, "ODS code is required");
        }
        odsCode = odsCode.trim().toUpperCase(java.util.Locale.ROOT);
    }
}
