package io.holdfast.keys.api;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Buffers one segment of plaintext and writes it as a record. A full buffer is written as a
 * non-final record only once more bytes arrive, so the last record (written by {@link #close}) is
 * the one marked final and an input of exactly one segment becomes one record.
 */
final class SegmentEncryptingOutputStream extends OutputStream {
    private final OutputStream out;
    private final SegmentCodec codec;
    private final byte[] plain;
    private final byte[] record;
    private int filled;
    private long index;
    private boolean closed;

    SegmentEncryptingOutputStream(OutputStream out, SegmentCodec codec) throws IOException {
        this.out = Objects.requireNonNull(out, "out");
        this.codec = codec;
        this.plain = new byte[codec.segmentSize()];
        this.record = new byte[codec.maxRecordBytes()];
        out.write(codec.header());
    }

    @Override
    public void write(int b) throws IOException {
        ensureOpen();
        if (filled == plain.length) {
            writeRecord(false);
        }
        plain[filled++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        ensureOpen();
        while (len > 0) {
            if (filled == plain.length) {
                writeRecord(false);
            }
            int n = Math.min(len, plain.length - filled);
            System.arraycopy(b, off, plain, filled, n);
            filled += n;
            off += n;
            len -= n;
        }
    }

    /** Flushes records already written; buffered plaintext stays until the segment fills or the stream closes. */
    @Override
    public void flush() throws IOException {
        out.flush();
    }

    /** Writes the final record and closes the target; without it the payload reads as truncated. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try (OutputStream target = out) {
            writeRecord(true);
        }
    }

    private void writeRecord(boolean last) throws IOException {
        int length = codec.encrypt(index, last, plain, 0, filled, record, 0);
        out.write(record, 0, length);
        index++;
        filled = 0;
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("encrypting stream is closed");
        }
    }
}
