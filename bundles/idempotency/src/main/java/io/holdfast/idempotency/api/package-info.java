/** Kernel-internal idempotency API: claiming natural keys inside a journal batch. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.idempotency.api;
