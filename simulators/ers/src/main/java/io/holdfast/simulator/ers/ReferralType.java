package io.holdfast.simulator.ers;

/**
 * {@code https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralType-1} as in the worklist example
 * (retrieveWorklist/responses/ReferralsForReview.json): booked into a bookable service, or sent to a
 * triage (Referral Assessment) service.
 */
public enum ReferralType {
    APPOINTMENT,
    TRIAGE
}
