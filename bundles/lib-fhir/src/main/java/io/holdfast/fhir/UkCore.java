package io.holdfast.fhir;

/**
 * Identifier systems, extensions and code systems of HL7 UK Core and NHS England's FHIR APIs
 * (NHS-INTERFACES.md). Values are the canonical URLs exactly as the published APIs send them.
 */
@org.osgi.annotation.versioning.ProviderType
public final class UkCore {
    /** NHS number (10 digits, Modulus 11). Same value as canonical-api's {@code NhsNumber.SYSTEM}. */
    public static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    /** ODS organisation code (Trusts, GP practices, pharmacies). Same as {@code OrganisationRef.SYSTEM}. */
    public static final String ODS_ORGANISATION_CODE = "https://fhir.nhs.uk/Id/ods-organization-code";
    /** ODS site code (a site of an organisation). */
    public static final String ODS_SITE_CODE = "https://fhir.nhs.uk/Id/ods-site-code";
    /** Spine Directory Service user id (a CIS2 user). */
    public static final String SDS_USER_ID = "https://fhir.nhs.uk/Id/sds-user-id";
    /** Spine Directory Service role profile id (a user's role at an organisation). */
    public static final String SDS_ROLE_PROFILE_ID = "https://fhir.nhs.uk/Id/sds-role-profile-id";
    /** e-RS Unique Booking Reference Number (12 digits). Same as canonical-api's {@code KeySystems.UBRN}. */
    public static final String UBRN = "https://fhir.nhs.uk/Id/UBRN";
    /** EPS short-form prescription id {@code XXXXXX-XXXXXX-XXXXXC}. Same as {@code KeySystems.PRESCRIPTION_ID}. */
    public static final String PRESCRIPTION_ORDER_NUMBER = "https://fhir.nhs.uk/Id/prescription-order-number";
    /** EPS long-form prescription id (a UUID). */
    public static final String PRESCRIPTION_ID = "https://fhir.nhs.uk/Id/prescription";

    /** Extension on {@code Patient.identifier} (the NHS number) stating how the number was verified. */
    public static final String EXT_NHS_NUMBER_VERIFICATION_STATUS =
            "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-NHSNumberVerificationStatus";
    /** Code system of that extension's value ({@code 01} = number present and verified, ...). */
    public static final String CS_NHS_NUMBER_VERIFICATION_STATUS =
            "https://fhir.hl7.org.uk/CodeSystem/UKCore-NHSNumberVerificationStatus";
    /** {@code 01}: number present and verified (what PDS states for its own records). */
    public static final String NHS_NUMBER_VERIFIED = "01";

    /** Code system of {@code meta.security} U, R, V (PDS confidentiality). */
    public static final String CS_CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
    /** Code system PDS uses in {@code meta.security} for REDACTED records. */
    public static final String CS_ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    /** Profile base of HL7 UK Core ({@code UKCore-Patient}, ...). */
    public static final String PROFILE_BASE = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-";

    private UkCore() {
    }
}
