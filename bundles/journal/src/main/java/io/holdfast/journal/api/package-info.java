/**
 * Kernel-internal journal API: the single journal writer whose batches other kernel bundles
 * (Intake, routing) write into, so journal rows, idempotency claims and outbox rows commit together.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package io.holdfast.journal.api;
