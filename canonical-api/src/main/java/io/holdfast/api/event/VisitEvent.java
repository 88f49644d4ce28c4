package io.holdfast.api.event;

/**
 * An event within a hospital visit. Key: {@link KeySystems#VISIT} with facility ODS code, visit
 * number and the patient's primary identifier (NHS number, or local MRN with its assigning
 * authority for unidentified patients).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface VisitEvent extends PatientEvent {
    Visit visit();

    @Override
    default EventKey key() {
        return visitKey(type(), visit(), patient());
    }

    static EventKey visitKey(String type, Visit visit, io.holdfast.api.model.Patient patient) {
        return new EventKey(type, KeySystems.VISIT, visit.token() + "|" + patient.primaryIdentifier().token());
    }
}
