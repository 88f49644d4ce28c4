package io.holdfast.simulator.ers;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one referral: UBRN, version (the ETag), state and whether it awaits the provider's review
 * (i.e. is on the 'Referrals for Review' worklist), patient, service and attachments.
 */
public record Referral(String ubrn, int version, ReferralState state, boolean reviewPending, ReferralType type, String nhsNumber,
                       String specialty, String priority, String serviceId, String serviceName, List<Attachment> attachments,
                       Optional<String> outcomeComment) {

    public Referral {
        Objects.requireNonNull(ubrn);
        Objects.requireNonNull(state);
        Objects.requireNonNull(type);
        Objects.requireNonNull(nhsNumber);
        Objects.requireNonNull(specialty);
        Objects.requireNonNull(priority);
        Objects.requireNonNull(serviceId);
        Objects.requireNonNull(serviceName);
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(outcomeComment);
    }

    Referral next(ReferralState newState, boolean stillPending, Optional<String> comment) {
        return new Referral(ubrn, version + 1, newState, stillPending, type, nhsNumber, specialty, priority, serviceId, serviceName,
                attachments, comment);
    }

    /** What makes two creations "the same referral": patient, type, specialty and shortlisted service. */
    String naturalKey() {
        return String.join("|", nhsNumber, type.name(), specialty, serviceId);
    }
}
