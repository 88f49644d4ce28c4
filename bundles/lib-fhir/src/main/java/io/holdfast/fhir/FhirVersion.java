package io.holdfast.fhir;

/** The FHIR versions this library serves. */
@org.osgi.annotation.versioning.ProviderType
public enum FhirVersion {
    /** FHIR R4 (4.0.1): PDS, EPS, SDS, UK Core. */
    R4,
    /**
     * FHIR STU3 (3.0.2): NHS England's e-Referral Service serves most referral endpoints as STU3 ReferralRequest.
     * Its HAPI model comes with feature {@code holdfast-lib-fhir-stu3}.
     *
     * @since 1.1
     */
    STU3
}
