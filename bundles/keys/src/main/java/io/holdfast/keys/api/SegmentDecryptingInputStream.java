package io.holdfast.keys.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * Reads and authenticates one record at a time; plaintext of a record is handed out only after its
 * tag verified. Integrity failures surface as unchecked {@code HoldfastException(PAYLOAD_INTEGRITY)}
 * from {@code read}, so they cannot be mistaken for an ordinary I/O error and retried.
 */
final class SegmentDecryptingInputStream extends InputStream {
    private final InputStream in;
    private final SegmentCodec codec;
    private final byte[] prefix = new byte[SegmentCodec.PREFIX_BYTES];
    private final byte[] record;
    private final byte[] plain;
    private int pos;
    private int limit;
    private long index;
    private boolean finished;

    SegmentDecryptingInputStream(InputStream in, SegmentCodec codec) {
        this.in = Objects.requireNonNull(in, "in");
        this.codec = codec;
        this.record = new byte[codec.maxRecordBytes()];
        this.plain = new byte[codec.segmentSize()];
    }

    @Override
    public int read() throws IOException {
        return fill() ? plain[pos++] & 0xff : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(plain, pos, b, off, n);
        pos += n;
        return n;
    }

    @Override
    public int available() {
        return limit - pos;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** Loops because a record may legitimately be empty (an empty payload's final record). */
    private boolean fill() throws IOException {
        while (pos == limit) {
            if (finished) {
                return false;
            }
            readRecord();
        }
        return true;
    }

    private void readRecord() throws IOException {
        int got = in.readNBytes(prefix, 0, prefix.length);
        if (got < prefix.length) {
            throw SegmentCodec.integrity("ends after " + index + " segment(s) without a final segment (truncated)");
        }
        int announced = ByteBuffer.wrap(prefix).getInt();
        boolean last = SegmentCodec.isFinal(announced);
        int cipherLen = codec.cipherLength(announced);
        if (in.readNBytes(record, 0, cipherLen) < cipherLen) {
            throw SegmentCodec.integrity("ends inside segment " + index + " (truncated)");
        }
        limit = codec.decrypt(index, last, record, 0, cipherLen, plain, 0);
        pos = 0;
        index++;
        if (last) {
            finished = true;
            // Checked before the final plaintext is handed out, so a reader that stops at the expected
            // length still learns that bytes were appended.
            if (in.read() != -1) {
                limit = 0;
                throw SegmentCodec.integrity("has data after its final segment (appended)");
            }
        }
    }
}
