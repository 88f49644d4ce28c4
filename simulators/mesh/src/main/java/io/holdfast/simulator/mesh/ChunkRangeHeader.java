package io.holdfast.simulator.mesh;

import java.util.Optional;

/**
 * {@code mex-Chunk-Range: n:m}, chunk n (counted from 1) of m, as MESH reads it on upload: two
 * decimal numbers around one colon (blanks around a number are tolerated) with {@code 0 < n <= m}.
 * Anything else is refused with 417 {@code InvalidHeaderChunks}.
 */
record ChunkRangeHeader(int chunk, int total) {
    /** A first POST without the header is a message of one chunk. */
    static final ChunkRangeHeader WHOLE_MESSAGE = new ChunkRangeHeader(1, 1);

    static Optional<ChunkRangeHeader> parse(String value) {
        String[] numbers = value.split(":", -1);
        if (numbers.length != 2) {
            return Optional.empty();
        }
        try {
            int chunk = Integer.parseInt(numbers[0].strip());
            int total = Integer.parseInt(numbers[1].strip());
            return chunk > 0 && chunk <= total ? Optional.of(new ChunkRangeHeader(chunk, total)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return chunk + ":" + total;
    }
}
