package io.holdfast.api.event;

import io.holdfast.api.model.Identifier;
import io.holdfast.api.model.Patient;
import java.util.Optional;

/** An event about one patient; its subject is the patient's primary identifier. */
@org.osgi.annotation.versioning.ConsumerType
public interface PatientEvent extends ClinicalEvent {
    Patient patient();

    @Override
    default Optional<Identifier> subject() {
        return Optional.of(patient().primaryIdentifier());
    }

    /** Key {@link KeySystems#PATIENT}: patient system | patient id. */
    static EventKey patientKey(String type, Patient patient) {
        return new EventKey(type, KeySystems.PATIENT, patient.primaryIdentifier().token());
    }
}
