package io.holdfast.ers;

import io.holdfast.api.model.NhsNumber;
import java.util.Objects;

/**
 * A referral to create (A011 {@code $ers.createReferral}, user-restricted, REFERRING_CLINICIAN[_ADMIN]): the patient, one
 * shortlisted e-RS service, and the search criteria e-RS requires on a shortlist.
 *
 * @param priority  eRS-Priority-1: ROUTINE, URGENT, TWO_WEEK_WAIT
 * @param specialty e-RS SPECIALTY code, e.g. CARDIOLOGY
 */
@org.osgi.annotation.versioning.ProviderType
public record NewReferral(NhsNumber patient, String serviceId, String priority, String specialty) {
    public NewReferral {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(specialty, "specialty");
    }
}
