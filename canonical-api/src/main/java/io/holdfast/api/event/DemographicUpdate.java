package io.holdfast.api.event;

import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Demographic update (HL7v2 A08/A31, PDS change). Key: {@link KeySystems#PATIENT}; every change of
 * content is an amendment of the same key, ordered by {@link #occurredAt()} so a stale update
 * arriving late is detected rather than applied over newer data.
 */
@org.osgi.annotation.versioning.ProviderType
public record DemographicUpdate(Patient patient, Optional<Visit> visit,
                                @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "DemographicUpdate";

    public DemographicUpdate {
        Objects.requireNonNull(patient, "patient");
        visit = visit == null ? Optional.empty() : visit;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return PatientEvent.patientKey(TYPE, patient);
    }
}
