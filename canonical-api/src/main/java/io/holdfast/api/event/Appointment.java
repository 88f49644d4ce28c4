package io.holdfast.api.event;

import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.PractitionerRef;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An appointment (HL7v2 SIU^S12-S15, FHIR Appointment, e-RS booking). Key: the appointment
 * identifier's system and value; reschedules and status changes are amendments.
 */
@org.osgi.annotation.versioning.ProviderType
public record Appointment(Identifier appointmentId, Patient patient, Optional<Instant> start, Optional<Duration> duration,
                          Optional<String> location, Optional<PractitionerRef> clinician, String status,
                          @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "Appointment";

    public Appointment {
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(status, "status");
        start = start == null ? Optional.empty() : start;
        duration = duration == null ? Optional.empty() : duration;
        location = location == null ? Optional.empty() : location;
        clinician = clinician == null ? Optional.empty() : clinician;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return new EventKey(TYPE, appointmentId.system(), appointmentId.value());
    }
}
