package io.holdfast.pds.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.message.FieldTrail;
import io.holdfast.api.model.Patient;
import io.holdfast.fhir.FhirPatients;
import java.util.Optional;

/** {@link PatientMapping} by holdfast-lib-fhir's codec (HAPI FHIR R4 structures, UK Core identifier systems). */
public final class LibFhirPatientMapping implements PatientMapping {

    @Override
    public Optional<Patient> toCanonical(JsonNode patientResource) {
        try {
            return Optional.of(FhirPatients.fromJson(patientResource.toString(), new FieldTrail()).patient());
        } catch (HoldfastException e) {
            // FhirException (malformed, not a Patient, invalid NHS number) and the canonical model's own checks
            return Optional.empty();
        }
    }
}
