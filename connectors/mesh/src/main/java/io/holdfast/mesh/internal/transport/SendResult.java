package io.holdfast.mesh.internal.transport;

/**
 * The outcome of a send: MESH's message id, how many chunks, whether gzipped, and whether an
 * ambiguous first POST was found in tracking instead of being posted again.
 */
public record SendResult(String messageId, int chunks, boolean gzipped, boolean foundByLocalId) {
}
