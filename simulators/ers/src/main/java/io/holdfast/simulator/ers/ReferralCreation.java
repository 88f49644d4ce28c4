package io.holdfast.simulator.ers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * A011 {@code $ers.createReferral} (a shortlist of bookable services: the referral is NOT_BOOKED until booked) and
 * A021 {@code $ers.createReferralAndSendForTriage} (straight to a triage service: AWAITING_TRIAGE, on the provider's
 * worklist). Request shape: createReferral/requests/MinimalRequest.json ({@code patient} NHS number identifier, a
 * {@code shortlist} List whose contained ServiceSearchCriteria Parameters carry {@code priority} and {@code specialty}).
 * The same referral created again while the first is open is refused as a duplicate (one referral stored).
 */
final class ReferralCreation {
    private final ReferralStore store;

    ReferralCreation(ReferralStore store) {
        this.store = store;
    }

    ErsReply create(ErsOperation operation, FhirParameters body) {
        String nhsNumber = body.required("patient").path("valueIdentifier").path("value").asText("");
        if (nhsNumber.isEmpty()) {
            throw ErsError.missingValue(422, "Parameter 'patient' needs a valueIdentifier with the NHS number");
        }
        ReferralEndpoints.requireNhsNumber(nhsNumber);
        ObjectNode shortlist = FhirParameters.resource(body.required("shortlist"))
                .orElseThrow(() -> ErsError.missingValue(422, "Parameter 'shortlist' needs a List resource"));
        String serviceId = shortlist.path("entry").path(0).path("item").path("identifier").path("value").asText("");
        if (serviceId.isEmpty()) {
            throw ErsError.missingValue(422, "The shortlist needs at least one service (entry.item.identifier)");
        }
        JsonNode criteria = shortlist.path("contained").path(0);
        String priority = criterion(criteria, "priority");
        ReferralEndpoints.requirePriority(priority);
        String specialty = criterion(criteria, "specialty");
        boolean triage = operation == ErsOperation.CREATE_REFERRAL_AND_SEND_FOR_TRIAGE;
        Referral draft = new Referral("", 1, triage ? ReferralState.AWAITING_TRIAGE : ReferralState.NOT_BOOKED, triage,
                triage ? ReferralType.TRIAGE : ReferralType.APPOINTMENT, nhsNumber, specialty, priority, serviceId,
                "Service " + serviceId, List.of(), Optional.empty());
        ReferralStore.CreateResult result = store.create(draft, operation);
        if (!result.created()) {
            throw ErsError.duplicateReferral("Duplicate referral: referral " + result.referral().ubrn()
                    + " already exists for this patient, referral type, specialty and service");
        }
        return ReferralEndpoints.resource(201, result.referral());
    }

    private static String criterion(JsonNode criteria, String name) {
        for (JsonNode p : criteria.path("parameter")) {
            if (name.equals(p.path("name").asText())) {
                return FhirParameters.code(p).orElseThrow(() -> ErsError.missingValue(422, "Search criterion '" + name + "' needs a code"));
            }
        }
        throw ErsError.missingValue(422, "The shortlist's ServiceSearchCriteria needs '" + name + "'");
    }
}
