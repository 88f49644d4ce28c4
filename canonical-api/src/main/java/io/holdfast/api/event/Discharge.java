package io.holdfast.api.event;

import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Discharge (HL7v2 A03). Key: see {@link VisitEvent}. */
@org.osgi.annotation.versioning.ProviderType
public record Discharge(Patient patient, Visit visit, Optional<Instant> dischargedAt,
                 @DigestExcluded Optional<Instant> occurredAt) implements VisitEvent {
    public static final String TYPE = "Discharge";

    public Discharge {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(visit, "visit");
        dischargedAt = dischargedAt == null ? Optional.empty() : dischargedAt;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
