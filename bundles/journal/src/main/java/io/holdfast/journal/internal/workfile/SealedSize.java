package io.holdfast.journal.internal.workfile;

import io.holdfast.keys.api.SegmentedAead;
import java.io.IOException;

/** The plaintext length of a {@link SegmentedAead} file, from its stored length (the format's overhead is fixed per segment). */
final class SealedSize {
    private static final long SEGMENT = SegmentedAead.SEGMENT_SIZE;
    private static final long OVERHEAD = SegmentedAead.sealedLength(SEGMENT + 1) - SegmentedAead.sealedLength(SEGMENT) - 1;
    private static final long HEADER = SegmentedAead.sealedLength(0) - OVERHEAD;

    private SealedSize() {
    }

    static long plaintextLength(long sealedLength) throws IOException {
        long records = sealedLength - HEADER;
        long segments = Math.max(1, (records + SEGMENT + OVERHEAD - 1) / (SEGMENT + OVERHEAD));
        long plain = records - segments * OVERHEAD;
        if (plain < 0 || SegmentedAead.sealedLength(plain) != sealedLength) {
            throw new IOException("work file of " + sealedLength + " bytes is not a complete encrypted file");
        }
        return plain;
    }
}
