package io.holdfast.mesh.internal.config;

/**
 * What a mailbox will download: {@code maxMessageBytes} on the wire and after gunzip, at most
 * {@code maxChunks} chunks, a gunzipped size at most {@code maxGzipRatio} times the compressed
 * size, and only while {@code minFreeDiskBytes} would stay free on the work folder's disk. A
 * message outside these limits stays in the inbox, unacknowledged, with an alert.
 */
public record InboundLimits(long maxMessageBytes, int maxChunks, int maxGzipRatio, long minFreeDiskBytes) {
    public static final InboundLimits DEFAULTS = new InboundLimits(MeshMailboxConfig.DEFAULT_MAX_MESSAGE_BYTES,
            MeshMailboxConfig.DEFAULT_MAX_CHUNKS, MeshMailboxConfig.DEFAULT_MAX_GZIP_RATIO, MeshMailboxConfig.DEFAULT_MIN_FREE_DISK_BYTES);
}
