/**
 * A simulator of NHS England's Personal Demographics Service FHIR R4 API, written from the
 * published OpenAPI specification (NHSDigital/personal-demographics-service-api): retrieve by NHS
 * number, search with scores, JSON Patch updates with versions, sensitive records, bearer tokens,
 * a per-application rate limit and fault injection. A plain Java library with a {@code main}, started
 * by tests on a loopback port and by the sandbox through a DS component. It speaks wire JSON only and
 * shares no code with any Holdfast connector.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.simulator.pds;
