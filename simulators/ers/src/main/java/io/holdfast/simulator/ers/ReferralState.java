package io.holdfast.simulator.ers;

/**
 * The "at a glance" states of a005-retrieve-referral-request.yaml (code system
 * {@code https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralState-1}) this simulator moves referrals through.
 */
public enum ReferralState {
    NOT_BOOKED("Not Booked"),
    BOOKED("Booked"),
    AWAITING_TRIAGE("Awaiting Triage"),
    DEFERRED_TO_PROVIDER("Deferred To Provider"),
    REJECTED("Rejected"),
    TRIAGE_RESPONSE("Triage Response"),
    TRIAGED_PROVIDER_TO_ACTION("Triaged Provider To Action"),
    CANCELLED_REFERRAL("Cancelled Referral");

    static final String SYSTEM = "https://fhir.nhs.uk/STU3/CodeSystem/eRS-ReferralState-1";
    private final String display;

    ReferralState(String display) {
        this.display = display;
    }

    String display() {
        return display;
    }

    /** Still active for the duplicate check of a new referral (rejected or cancelled ones may be re-referred). */
    boolean open() {
        return this != REJECTED && this != CANCELLED_REFERRAL;
    }
}
