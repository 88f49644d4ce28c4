/**
 * FHIR for every connector: {@link io.holdfast.fhir.FhirContexts} (one shared HAPI {@code FhirContext}
 * per FHIR version, created lazily once), {@link io.holdfast.fhir.FhirJson} (size-capped JSON parsing and
 * serialising with typed {@link io.holdfast.fhir.FhirException}s), {@link io.holdfast.fhir.UkCore}
 * (identifier systems and extensions of HL7 UK Core and NHS England APIs), the mappings between FHIR R4
 * resources and the canonical model ({@link io.holdfast.fhir.FhirPatients}, {@link io.holdfast.fhir.FhirLabResults})
 * with FHIRPath field records, and {@link io.holdfast.fhir.FhirR4Codec}, the {@code Codec} of wire format
 * {@code FHIR:R4} (JSON). HAPI FHIR's model types ({@code org.hl7.fhir.r4.model}) appear in the signatures;
 * they come from the HAPI FHIR bundles of feature {@code holdfast-lib-fhir}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.fhir;
