package io.holdfast.api.event;

import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import io.holdfast.api.model.PractitionerRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An EPS prescription. Key: {@link KeySystems#PRESCRIPTION_ID} and the short-form prescription id;
 * a re-submission of the identical prescription is a duplicate ({@code DUPLICATE_PRESCRIPTION_ID}
 * downstream is then expected, not an error).
 */
@org.osgi.annotation.versioning.ProviderType
public record Prescription(PrescriptionId prescriptionId, Patient patient, OrganisationRef prescribingOrganisation,
                           Optional<PractitionerRef> prescriber, List<MedicationItem> items, String status,
                           @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "Prescription";

    public Prescription {
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(prescribingOrganisation, "prescribingOrganisation");
        Objects.requireNonNull(status, "status");
        prescriber = prescriber == null ? Optional.empty() : prescriber;
        items = items == null ? List.of() : List.copyOf(items);
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return new EventKey(TYPE, KeySystems.PRESCRIPTION_ID, prescriptionId.value());
    }
}
