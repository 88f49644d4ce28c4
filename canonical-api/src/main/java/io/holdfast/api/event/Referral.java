package io.holdfast.api.event;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An e-RS referral (FHIR ServiceRequest). Key: {@link KeySystems#UBRN} and the 12-digit UBRN;
 * re-sending the same referral never creates a second one, a changed status is an amendment.
 */
@org.osgi.annotation.versioning.ProviderType
public record Referral(String ubrn, Patient patient, Optional<OrganisationRef> referrer,
                       Optional<OrganisationRef> recipient, Optional<String> specialty,
                       Optional<String> priority, String status,
                       @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "Referral";

    public Referral {
        if (ubrn == null || !ubrn.matches("\\d{12}")) {
            throw new HoldfastException(ErrorCode.INVALID_IDENTIFIER, "a UBRN is 12 digits");
        }
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(status, "status");
        referrer = referrer == null ? Optional.empty() : referrer;
        recipient = recipient == null ? Optional.empty() : recipient;
        specialty = specialty == null ? Optional.empty() : specialty;
        priority = priority == null ? Optional.empty() : priority;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return new EventKey(TYPE, KeySystems.UBRN, ubrn);
    }
}
