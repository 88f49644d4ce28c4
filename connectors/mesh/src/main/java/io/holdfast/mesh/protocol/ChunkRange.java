package io.holdfast.mesh.protocol;

import java.util.Optional;

/** The {@code mex-Chunk-Range} value {@code n:N}: chunk n (1-based) of N. */
public record ChunkRange(int chunk, int total) {
    public static final ChunkRange SINGLE = new ChunkRange(1, 1);

    public ChunkRange {
        if (total < 1 || chunk < 1 || chunk > total) {
            throw new IllegalArgumentException("chunk range must satisfy 1 <= chunk <= total, got " + chunk + ":" + total);
        }
    }

    /** Parses {@code n:N}; empty for anything malformed (the caller answers 417 InvalidHeaderChunks). */
    public static Optional<ChunkRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        String[] parts = header.trim().split(":");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            int chunk = Integer.parseInt(parts[0].trim());
            int total = Integer.parseInt(parts[1].trim());
            return chunk >= 1 && total >= 1 && chunk <= total ? Optional.of(new ChunkRange(chunk, total)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** How many chunks of {@code chunkSize} a body of {@code size} bytes needs (at least one). */
    public static int chunksFor(long size, long chunkSize) {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunk size must be positive");
        }
        return (int) Math.max(1, (size + chunkSize - 1) / chunkSize);
    }

    public boolean last() {
        return chunk == total;
    }

    public String header() {
        return chunk + ":" + total;
    }

    @Override
    public String toString() {
        return header();
    }
}
