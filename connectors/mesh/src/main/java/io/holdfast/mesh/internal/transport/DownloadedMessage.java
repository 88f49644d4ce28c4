package io.holdfast.mesh.internal.transport;

import io.holdfast.api.message.Payload;
import java.util.Optional;

/**
 * A downloaded MESH message: metadata, the (decompressed) content — an encrypted work file for
 * anything but small single-chunk messages, which are held in memory — its SHA-256 and size, and
 * whether it matched a verifiable {@code sha256:} checksum (empty: none was given).
 */
public record DownloadedMessage(MeshMessageHeaders headers, Payload content, String sha256, long size,
                                Optional<Boolean> checksumMatches, boolean inWorkFile) {

    public boolean checksumFailed() {
        return checksumMatches.filter(ok -> !ok).isPresent();
    }
}
