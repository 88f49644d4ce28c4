package io.holdfast.api.event;

import io.holdfast.api.model.OrganisationRef;
import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A dispense notification for an EPS prescription. Key: {@link KeySystems#PRESCRIPTION_ID},
 * prescription id | notification id (a prescription can be dispensed in several instalments).
 */
@org.osgi.annotation.versioning.ProviderType
public record DispenseNotification(PrescriptionId prescriptionId, String notificationId, Patient patient,
                                   OrganisationRef dispenser, List<MedicationItem> items, String status,
                                   @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "DispenseNotification";

    public DispenseNotification {
        Objects.requireNonNull(prescriptionId, "prescriptionId");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(dispenser, "dispenser");
        Objects.requireNonNull(status, "status");
        items = items == null ? List.of() : List.copyOf(items);
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return new EventKey(TYPE, KeySystems.PRESCRIPTION_ID, prescriptionId.value() + "|" + notificationId);
    }
}
