package io.holdfast.api.event;

import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Registration (HL7v2 A04 with a visit: outpatient / ED attendance; A28 without: person added).
 * Key: the visit key where there is a visit, otherwise {@link KeySystems#PATIENT}.
 */
@org.osgi.annotation.versioning.ProviderType
public record Registration(Patient patient, Optional<Visit> visit,
                           @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "Registration";

    public Registration {
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
        return visit.map(v -> VisitEvent.visitKey(TYPE, v, patient)).orElseGet(() -> PatientEvent.patientKey(TYPE, patient));
    }
}
