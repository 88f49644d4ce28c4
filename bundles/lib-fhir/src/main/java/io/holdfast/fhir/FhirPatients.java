package io.holdfast.fhir;

import io.holdfast.api.message.FieldTrail;
import io.holdfast.fhir.internal.PatientDecoder;
import io.holdfast.fhir.internal.PatientEncoder;

/**
 * FHIR R4 {@code Patient} (UK Core / PDS shape) to and from the canonical {@link io.holdfast.api.model.Patient}.
 * Every mapped element is recorded in the {@link FieldTrail} with its FHIRPath (e.g.
 * {@code Patient.name.where(use='official').family}) and canonical path (e.g. {@code patient.names[0].family}).
 * What maps is listed in the module README. Thread-safe (stateless).
 */
@org.osgi.annotation.versioning.ProviderType
public final class FhirPatients {
    private FhirPatients() {
    }

    /**
     * Maps a parsed R4 Patient.
     *
     * @throws FhirException {@code INVALID_NHS_NUMBER} (Modulus 11), {@code MISSING_FIELD} (no usable
     *                       identifier), {@code INVALID_VALUE} (e.g. a birth date without a day)
     */
    public static MappedPatient toCanonical(org.hl7.fhir.r4.model.Patient patient, FieldTrail trail) {
        return PatientDecoder.decode(patient, trail);
    }

    /**
     * Parses R4 JSON (e.g. a PDS {@code GET /Patient/{id}} body) with the default {@link FhirJson} cap and maps it.
     *
     * @throws FhirException any parse problem (malformed, not a Patient, too large) or mapping problem above
     */
    public static MappedPatient fromJson(String json, FieldTrail trail) {
        return toCanonical(FhirJson.r4().parse(json, org.hl7.fhir.r4.model.Patient.class), trail);
    }

    /** The R4 Patient of {@code patient}: id, {@code meta.versionId}, {@code meta.security}, death and verification status included. */
    public static org.hl7.fhir.r4.model.Patient toFhir(MappedPatient patient, FieldTrail trail) {
        return PatientEncoder.encode(patient, trail);
    }

    /** The R4 Patient of a canonical patient (id = NHS number where known; no version). */
    public static org.hl7.fhir.r4.model.Patient toFhir(io.holdfast.api.model.Patient patient, FieldTrail trail) {
        return PatientEncoder.encode(MappedPatient.of(patient), trail);
    }

    /** R4 JSON of {@code patient}. */
    public static String toJson(MappedPatient patient, FieldTrail trail) {
        return FhirJson.r4().serialize(toFhir(patient, trail));
    }
}
