/**
 * The kernel's group-commit writer: the single thread through which every inbound message (Intake),
 * every outbox change (routing) and every journal stage is written. Tasks from many threads are
 * committed together in one database transaction, in one well-defined order, and each caller learns
 * the outcome of its own task only once the batch is durable. See {@link io.holdfast.journal.writer.GroupCommitWriter}
 * for the contract; the journal bundle provides the one instance (as {@code io.holdfast.journal.api.JournalWriter}).
 * Kernel-internal: connectors use {@code io.holdfast.api.kernel.Intake}, never this package.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.holdfast.journal.writer;
