/**
 * A MESH API v2 simulator: a plain Java library with a {@code main}, started by tests on a
 * loopback port and by the sandbox through a DS component.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.simulator.mesh;
