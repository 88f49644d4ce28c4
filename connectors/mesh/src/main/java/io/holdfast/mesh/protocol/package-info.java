/**
 * MESH API v2 protocol code shared by the connector and the MESH simulator: header names, the
 * NHSMESH authorization token (build and verify), chunk ranges and checksums. No I/O here.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.mesh.protocol;
