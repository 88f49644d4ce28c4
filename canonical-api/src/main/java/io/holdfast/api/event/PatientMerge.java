package io.holdfast.api.event;

import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Merge of a retired patient record into a surviving one (HL7v2 A40 with MRG, PDS superseded
 * numbers). Key: {@link KeySystems#PATIENT}, retired identifier token {@code >} surviving one.
 */
@org.osgi.annotation.versioning.ProviderType
public record PatientMerge(Patient patient, Identifier retired,
                           @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "PatientMerge";

    public PatientMerge {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(retired, "retired");
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return new EventKey(TYPE, KeySystems.PATIENT, retired.token() + ">" + patient.primaryIdentifier().token());
    }
}
