package io.holdfast.simulator.ers;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A008: the provider worklists of a008-retrieve-worklist.yaml, selected by the {@code listType} parameter
 * (code system eRS-ReferralListSelector-1, retrieveWorklist/requests/Minimal*.json). 'Referrals for Review'
 * holds booked and triage referrals awaiting review; 'Appointment Slot Issues' the deferred-to-provider ones.
 */
final class WorklistQuery {
    static final String REFERRALS_FOR_REVIEW = "REFERRALS_FOR_REVIEW";
    static final String APPOINTMENT_SLOT_ISSUES = "APPOINTMENT_SLOT_ISSUES";
    private final ReferralStore store;

    WorklistQuery(ReferralStore store) {
        this.store = store;
    }

    ErsReply fetch(FhirParameters body) {
        String listType = FhirParameters.code(body.required("listType"))
                .orElseThrow(() -> ErsError.missingValue(422, "Parameter 'listType' needs a valueCodeableConcept code"));
        Predicate<Referral> selected = switch (listType) {
            case REFERRALS_FOR_REVIEW -> r -> r.reviewPending()
                    && (r.state() == ReferralState.BOOKED || r.state() == ReferralState.AWAITING_TRIAGE);
            case APPOINTMENT_SLOT_ISSUES -> r -> r.reviewPending() && r.state() == ReferralState.DEFERRED_TO_PROVIDER;
            default -> throw ErsError.invalidCode("listType '" + listType + "' is not served by this simulator; use "
                    + REFERRALS_FOR_REVIEW + " or " + APPOINTMENT_SLOT_ISSUES);
        };
        List<Referral> items = store.all().stream().filter(selected).toList();
        return ErsReply.json(200, ReferralViews.worklist(items), Optional.empty());
    }
}
