/** Kernel-internal store API: the Holdfast DataSource, its SQL dialect and per-module schema migrations. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.store.api;
