package io.holdfast.journal.api;

import io.holdfast.api.kernel.PayloadInfo;

/**
 * A payload made ready on the submitting thread (small ones sealed in memory, large ones already
 * streamed to their own encrypted file and forced), so the writer only appends.
 */
public interface PreparedPayload {
    long size();

    String sha256();

    /** Appends (if small) inside the batch and returns where the payload is kept. */
    PayloadInfo write(WriteBatch batch);
}
