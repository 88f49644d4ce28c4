package io.holdfast.ers.internal.codec;

/** e-RS STU3 extension URLs and code systems (NHSDigital/e-referrals-service-api specification/components/stu3). */
public final class ErsCodes {
    public static final String STRUCTURE = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    public static final String CODE_SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/";
    public static final String EXT_PRIORITY = STRUCTURE + "Extension-eRS-ReferralPriority-1";
    public static final String EXT_STATE = STRUCTURE + "Extension-eRS-ReferralState-1";
    public static final String CS_PRIORITY = CODE_SYSTEM + "eRS-Priority-1";
    public static final String CS_REVIEW_OUTCOME = CODE_SYSTEM + "eRS-ReviewOutcome-1";
    public static final String CS_LIST_SELECTOR = CODE_SYSTEM + "eRS-ReferralListSelector-1";
    /** e-RS STU3 still names patients and services with the legacy fhir.nhs.net systems. */
    public static final String NHS_NUMBER_STU3 = "http://fhir.nhs.net/Id/nhs-number";
    public static final String ERS_SERVICE = "http://fhir.nhs.net/Id/ers-service";
    public static final String WORKLIST_ITEM = STRUCTURE + "Extension-eRS-ReferralsforReview-WorkListItem-1";
    /** Holdfast's own: the canonical status a routed referral carries to the ERS target (not an e-RS element). */
    public static final String EXT_HOLDFAST_STATUS = "urn:holdfast:ers:canonical-status";

    private ErsCodes() {
    }
}
