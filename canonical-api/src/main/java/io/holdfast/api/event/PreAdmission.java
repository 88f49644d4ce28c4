package io.holdfast.api.event;

import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** Pre-admission (HL7v2 A05). Key: see {@link VisitEvent}. */
@org.osgi.annotation.versioning.ProviderType
public record PreAdmission(Patient patient, Visit visit, Optional<Instant> expectedAdmitAt,
                 @DigestExcluded Optional<Instant> occurredAt) implements VisitEvent {
    public static final String TYPE = "PreAdmission";

    public PreAdmission {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(visit, "visit");
        expectedAdmitAt = expectedAdmitAt == null ? Optional.empty() : expectedAdmitAt;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }
}
