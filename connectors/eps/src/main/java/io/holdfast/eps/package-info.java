/**
 * The EPS connector's small API for scripts, shell commands and integrators through the service registry:
 * short-form prescription ids ({@link io.holdfast.eps.PrescriptionIds}) and the calls to NHS England's Electronic
 * Prescription Service FHIR R4 API ({@link io.holdfast.eps.EpsService}): {@code $prepare}, {@code $process-message}
 * (signed order pass-through, cancel, dispense notification), {@code Task/$release} and {@code Claim}. Results are typed;
 * a refusal by EPS is a result, not an exception. Other Holdfast bundles do not import this package (build-rules).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.eps;
