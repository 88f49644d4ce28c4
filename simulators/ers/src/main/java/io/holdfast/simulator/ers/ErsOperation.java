package io.holdfast.simulator.ers;

import java.util.Set;

/**
 * The e-RS operations this simulator serves, with who may call them as the published endpoint files say
 * ({@code specification/components/stu3/schemas/endpoints/a0NN-*.yaml}, "Pre-requisites", and the published
 * sandbox's {@code allowedBusinessFunctions} per route).
 */
public enum ErsOperation {
    /** A005 {@code GET /STU3/ReferralRequest/{ubrn}[/_history/{version}]}. */
    RETRIEVE_REFERRAL("A005", true, false, Set.of(BusinessFunction.REFERRING_CLINICIAN, BusinessFunction.REFERRING_CLINICIAN_ADMIN,
            BusinessFunction.SERVICE_PROVIDER_CLINICIAN, BusinessFunction.SERVICE_PROVIDER_CLINICIAN_ADMIN)),
    /** A008 {@code POST /STU3/ReferralRequest/$ers.fetchworklist}. */
    FETCH_WORKLIST("A008", true, false, Set.of(BusinessFunction.SERVICE_PROVIDER_CLINICIAN, BusinessFunction.SERVICE_PROVIDER_ADMIN,
            BusinessFunction.SERVICE_PROVIDER_CLINICIAN_ADMIN, BusinessFunction.REFERRING_CLINICIAN,
            BusinessFunction.REFERRING_CLINICIAN_ADMIN, BusinessFunction.REFERRING_ADMIN)),
    /** A006 {@code GET /STU3/Binary/{id}} and A042 {@code GET /R4/Binary/{id}}. */
    RETRIEVE_ATTACHMENT("A006/A042", true, false, Set.of(BusinessFunction.REFERRING_CLINICIAN, BusinessFunction.REFERRING_CLINICIAN_ADMIN,
            BusinessFunction.SERVICE_PROVIDER_CLINICIAN, BusinessFunction.SERVICE_PROVIDER_CLINICIAN_ADMIN)),
    /** A011 {@code POST /STU3/ReferralRequest/$ers.createReferral}. */
    CREATE_REFERRAL("A011", false, false, Set.of(BusinessFunction.REFERRING_CLINICIAN, BusinessFunction.REFERRING_CLINICIAN_ADMIN)),
    /** A021 {@code POST /STU3/ReferralRequest/$ers.createReferralAndSendForTriage}. */
    CREATE_REFERRAL_AND_SEND_FOR_TRIAGE("A021", false, false,
            Set.of(BusinessFunction.REFERRING_CLINICIAN, BusinessFunction.REFERRING_CLINICIAN_ADMIN)),
    /** A013 {@code POST /STU3/ReferralRequest/{ubrn}/$ers.acceptReferral}. */
    ACCEPT_REFERRAL("A013", false, true, Set.of(BusinessFunction.SERVICE_PROVIDER_CLINICIAN, BusinessFunction.SERVICE_PROVIDER_CLINICIAN_ADMIN)),
    /** A014 {@code POST /STU3/ReferralRequest/{ubrn}/$ers.rejectReferral}. */
    REJECT_REFERRAL("A014", false, true, Set.of(BusinessFunction.SERVICE_PROVIDER_CLINICIAN, BusinessFunction.SERVICE_PROVIDER_CLINICIAN_ADMIN)),
    /** A028 {@code POST /STU3/ReferralRequest/{ubrn}/$ers.recordReviewOutcome} (record triage outcome). */
    RECORD_REVIEW_OUTCOME("A028", false, true,
            Set.of(BusinessFunction.SERVICE_PROVIDER_CLINICIAN, BusinessFunction.SERVICE_PROVIDER_CLINICIAN_ADMIN));

    private final String apiId;
    private final boolean applicationRestrictedAllowed;
    private final boolean requiresIfMatch;
    private final Set<BusinessFunction> allowed;

    ErsOperation(String apiId, boolean applicationRestrictedAllowed, boolean requiresIfMatch, Set<BusinessFunction> allowed) {
        this.apiId = apiId;
        this.applicationRestrictedAllowed = applicationRestrictedAllowed;
        this.requiresIfMatch = requiresIfMatch;
        this.allowed = allowed;
    }

    /** The published endpoint number, e.g. {@code A013}. */
    public String apiId() {
        return apiId;
    }

    /** Whether an application-restricted (unattended) caller may use it; the rest need a CIS2 user. */
    public boolean applicationRestrictedAllowed() {
        return applicationRestrictedAllowed;
    }

    /** Whether the endpoint file lists the {@code If-Match} header (IfMatch.yaml, required). */
    public boolean requiresIfMatch() {
        return requiresIfMatch;
    }

    public Set<BusinessFunction> allowedBusinessFunctions() {
        return allowed;
    }
}
