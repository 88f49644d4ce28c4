package io.holdfast.journal.api;

import io.holdfast.api.kernel.PayloadInfo;
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

    /** Seals a small payload for {@link WriteBatch#appendPayload}; callers do this on their own thread. */
    byte[] sealPayload(byte[] plain);

    /** Streams a large payload into its own encrypted file and forces it to disk. */
    PayloadInfo storeLargePayload(io.holdfast.api.message.Payload payload);

    /** Payloads up to this size go into shared segment files; larger ones get a file of their own. */
    int smallPayloadLimit();
}
