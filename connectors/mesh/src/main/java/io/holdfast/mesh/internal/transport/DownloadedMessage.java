package io.holdfast.mesh.internal.transport;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A MESH message streamed to disk: metadata, the (decompressed) content file, its SHA-256 and
 * size, and whether it matched a verifiable {@code sha256:} checksum (empty: none was given).
 */
public record DownloadedMessage(MeshMessageHeaders headers, Path content, String sha256, long size,
                                Optional<Boolean> checksumMatches) {

    public boolean checksumFailed() {
        return checksumMatches.filter(ok -> !ok).isPresent();
    }
}
