/**
 * Kernel-internal journal API: the single journal writer whose batches other kernel bundles
 * (Intake, routing) write into, so journal rows, idempotency claims and outbox rows commit together.
 * 2.0.0: {@code JournalWriter} is the journal's {@link io.holdfast.journal.writer.GroupCommitWriter};
 * tasks are {@link io.holdfast.journal.writer.BatchTask}s (the former {@code WriteTask} is gone).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("2.0.0")
package io.holdfast.journal.api;
