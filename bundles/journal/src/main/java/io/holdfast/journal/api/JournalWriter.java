package io.holdfast.journal.api;

import io.holdfast.journal.writer.GroupCommitWriter;

/**
 * The journal's group-commit writer (the one instance in the kernel, see {@link GroupCommitWriter}
 * for ordering, durability, failure and back-pressure rules): tasks write journal rows, idempotency
 * claims and outbox rows into a {@link WriteBatch}, so they commit together, and stage rows extend
 * the hash chain in the writer's order.
 */
@org.osgi.annotation.versioning.ProviderType
public interface JournalWriter extends GroupCommitWriter<WriteBatch> {

    /** Keyed HMAC digest used for identifiers in the journal (NHS numbers, natural keys, field values). */
    String digest(String value);

    /**
     * Prepares a payload on the caller's thread: small ones are sealed in memory, larger ones
     * streamed into a file of their own with segmented encryption and forced to disk.
     *
     * @throws io.holdfast.api.error.HoldfastException STORE_UNAVAILABLE if a large payload cannot be written
     */
    PreparedPayload prepare(io.holdfast.api.message.Payload payload);
}
