package io.holdfast.journal.api;

import java.util.concurrent.CompletableFuture;

/**
 * The single journal writer. Tasks submitted from any thread are taken in batches; each batch is
 * one transaction whose stage rows extend the hash chain in submission order. The future
 * completes after commit, or exceptionally with {@link io.holdfast.api.error.IntakeRefusedException}
 * if nothing was stored.
 */
public interface JournalWriter {

    <T> CompletableFuture<T> submit(WriteTask<T> task);

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
