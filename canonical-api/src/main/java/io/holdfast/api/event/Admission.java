package io.holdfast.api.event;

import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Admission (HL7v2 A01, FHIR Encounter in-progress). Key: see {@link VisitEvent}. */
@org.osgi.annotation.versioning.ProviderType
public record Admission(Patient patient, Visit visit, Optional<Instant> admittedAt,
                 @DigestExcluded Optional<Instant> occurredAt) implements VisitEvent {
    public static final String TYPE = "Admission";

    public Admission {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(visit, "visit");
        admittedAt = admittedAt == null ? Optional.empty() : admittedAt;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
