package io.holdfast.simulator.ers;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The demo referrals, with the UBRNs of the published sandbox's scenarios (a005-retrieve-referral-request.yaml,
 * "Sandbox test scenarios") and its versions, on the provider worklist of the Trust R69 (the examples' ODS code).
 * Patients are PDS sandbox test patients. Attachments are small synthetic letters, no real data.
 */
public final class SandboxReferrals {
    /** Booked into a bookable service, awaiting review: accept (A013) or reject (A014). Version 5. */
    public static final String BOOKED_FOR_REVIEW = "000000070000";
    /** A second booked referral awaiting review (two files attached). Version 12. */
    public static final String BOOKED_FOR_REVIEW_2 = "000000070001";
    /** Sent to a triage service, awaiting review: record a review outcome (A028). Version 7. */
    public static final String AWAITING_TRIAGE = "000000070002";
    /** Deferred to the provider for lack of slots: on 'Appointment Slot Issues'; A028 allowed. Version 5. */
    public static final String DEFERRED_TO_PROVIDER = "000000070003";
    /** Already rejected: every review action is 422 INVALID_REQUEST_STATE. Version 6. */
    public static final String REJECTED = "000000070004";
    /** Attachment ids (Binary/{id}). */
    public static final String LETTER_70000 = "b2b22a7e-b3e9-4625-8d2c-00507bfdffb5";
    public static final String LETTER_70001 = "5d4ae2b1-7b26-4f4c-9d0c-2a3e8c3f7a01";
    public static final String RESULTS_70001 = "0f9c6a53-1d4e-4a7b-8a38-6a5d0c1e9b02";
    public static final String LETTER_70002 = "a7c98bb4-c0d0-4094-b26d-8dbd1677edc8";

    private SandboxReferrals() {
    }

    static void load(ReferralStore store) {
        LocalDate day = LocalDate.of(2026, 11, 2);
        store.put(new Referral(BOOKED_FOR_REVIEW, 5, ReferralState.BOOKED, true, ReferralType.APPOINTMENT, "9000000009", "CARDIOLOGY",
                "ROUTINE", "11002", "Good Cardiology Business Service", List.of(text(LETTER_70000, "referral-letter.txt",
                        "Referral letter (synthetic): breathlessness on exertion, please assess.", day)), Optional.empty()));
        store.put(new Referral(BOOKED_FOR_REVIEW_2, 12, ReferralState.BOOKED, true, ReferralType.APPOINTMENT, "9000000025",
                "CARDIOLOGY", "URGENT", "21012", "Another Excellent Cardiology Business Service 13", List.of(
                        text(LETTER_70001, "referral-letter.txt", "Referral letter (synthetic): palpitations.", day),
                        new Attachment(RESULTS_70001, "ecg-results.pdf", "application/pdf",
                                "%PDF-1.4\n% synthetic ECG report\n%%EOF\n".getBytes(StandardCharsets.US_ASCII), day)),
                Optional.empty()));
        store.put(new Referral(AWAITING_TRIAGE, 7, ReferralState.AWAITING_TRIAGE, true, ReferralType.TRIAGE, "9000000033",
                "CARDIOLOGY", "ROUTINE", "11012", "Excellent Cardiology Business Service 12", List.of(text(LETTER_70002,
                        "triage-request.txt", "Referral letter (synthetic): chest pain, triage requested.", day)), Optional.empty()));
        store.put(new Referral(DEFERRED_TO_PROVIDER, 5, ReferralState.DEFERRED_TO_PROVIDER, true, ReferralType.APPOINTMENT, "9000000068",
                "GASTROENTEROLOGY", "ROUTINE", "11003", "Forthright Gastroenterology Service", List.of(), Optional.empty()));
        store.put(new Referral(REJECTED, 6, ReferralState.REJECTED, false, ReferralType.APPOINTMENT, "9000000084", "DERMATOLOGY",
                "ROUTINE", "11004", "Dermatology Service", List.of(), Optional.of("Service inappropriate")));
    }

    private static Attachment text(String id, String title, String content, LocalDate day) {
        return new Attachment(id, title, "text/plain", content.getBytes(StandardCharsets.UTF_8), day);
    }
}
