package io.holdfast.api.model;

/** Administrative gender, as FHIR R4 (HL7v2 M/F/O/U map onto it at the edge). */
@org.osgi.annotation.versioning.ProviderType
public enum Gender {
    MALE, FEMALE, OTHER, UNKNOWN
}
