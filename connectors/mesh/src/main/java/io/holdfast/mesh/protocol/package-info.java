/**
 * The connector's MESH API v2 protocol code (the MESH simulator has its own, written independently): header names, the
 * NHSMESH authorization token (build and verify), chunk ranges, checksums and the message id format. No I/O here.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.mesh.protocol;
