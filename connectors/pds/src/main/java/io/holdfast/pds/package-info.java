/**
 * The PDS connector's service for scripts, shell commands and route steps inside this bundle and for integrators
 * through the service registry: retrieve, trace and update patients in NHS England's Personal Demographics Service
 * (FHIR R4). Results are typed (sealed interfaces): an unknown, invalidated or invalid number, no match or too many
 * matches are results, not exceptions. Restricted patients (R, V, REDACTED) come back without address, telecom and
 * GP practice. Other Holdfast bundles do not import this package (build-rules: nothing depends on connector code).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.pds;
