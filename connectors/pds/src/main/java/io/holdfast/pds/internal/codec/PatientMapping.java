package io.holdfast.pds.internal.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.model.Patient;
import java.util.Optional;

/** A FHIR R4 Patient (PDS's JSON) as the canonical {@link Patient}, sensitivity included; empty if it cannot be mapped. */
public interface PatientMapping {
    Optional<Patient> toCanonical(JsonNode patientResource);
}
