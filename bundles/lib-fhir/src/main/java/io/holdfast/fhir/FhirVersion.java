package io.holdfast.fhir;

/** The FHIR versions this library serves. NHS England's e-RS adds STU3 later (a minor version of this package). */
@org.osgi.annotation.versioning.ProviderType
public enum FhirVersion {
    /** FHIR R4 (4.0.1): PDS, EPS, SDS, UK Core. */
    R4
}
