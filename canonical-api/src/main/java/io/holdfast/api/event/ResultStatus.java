package io.holdfast.api.event;

/** Result status (HL7v2 OBR-25/OBX-11, FHIR Observation.status). */
@org.osgi.annotation.versioning.ProviderType
public enum ResultStatus {
    REGISTERED, PRELIMINARY, FINAL, CORRECTED, CANCELLED, ENTERED_IN_ERROR
}
