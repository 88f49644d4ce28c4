/** Kernel-internal support shared by the kernel bundles' shell commands (one way to fail: {@link io.holdfast.health.api.HoldfastAction}). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.health.api;
