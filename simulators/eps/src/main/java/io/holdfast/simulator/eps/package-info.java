/**
 * A simulator of NHS England's Electronic Prescription Service FHIR R4 API, written from the published
 * OpenAPI specification (NHSDigital/electronic-prescription-service-api): {@code $prepare},
 * {@code $process-message} (prescription order, cancel, dispense notification), {@code Task/$release},
 * {@code Claim} and the Task tracker, with duplicate prescription IDs, bearer tokens, X-Request-ID
 * de-duplication and fault injection (504 after commit). A plain Java library with a {@code main}, started by
 * tests on a loopback port and by the sandbox through a DS component. It speaks wire JSON only and shares no
 * code with any Holdfast connector.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.simulator.eps;
