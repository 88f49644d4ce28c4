package io.holdfast.mesh.internal.transport;

import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.mesh.internal.config.InboundLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Joins a message's chunk files into its content work file, hashing as it goes. Consecutive gzip
 * chunks form one gzip stream (a whole-message stream split into chunks, or one gzip member per
 * chunk: {@link GZIPInputStream} reads concatenated members); plain chunks are copied. The content
 * may not exceed {@code maxMessageBytes}, nor {@code maxGzipRatio} times the bytes received.
 */
final class ChunkAssembler {
    private static final int BUFFER = 64 * 1024;
    private final WorkFiles files;
    private final String owner;
    private final InboundLimits limits;

    ChunkAssembler(WorkFiles files, String owner, InboundLimits limits) {
        this.files = files;
        this.owner = owner;
        this.limits = limits;
    }

    record Assembled(String sha256, long size) {
    }

    Assembled assemble(String messageId, List<ChunkFetcher.Chunk> chunks, long wireBytes, String contentName) throws IOException {
        MessageDigest md = MeshDownloader.sha256();
        long cap = Math.min(limits.maxMessageBytes(), Math.max(wireBytes, 1) * (long) limits.maxGzipRatio());
        long size = 0;
        try (WorkFiles.PendingWorkFile out = files.create(owner, contentName)) {
            for (List<ChunkFetcher.Chunk> run : runs(chunks)) {
                try (InputStream in = open(run)) {
                    size = copy(in, out, md, size, cap, messageId, wireBytes);
                }
            }
            out.commit();
        }
        return new Assembled(HexFormat.of().formatHex(md.digest()), size);
    }

    private InputStream open(List<ChunkFetcher.Chunk> run) {
        InputStream joined = new JoinedChunks(run);
        try {
            return run.get(0).gzipped() ? new GZIPInputStream(joined, BUFFER) : joined;
        } catch (IOException e) {
            throw new UncheckedIOException("MESH chunk " + run.get(0).number() + " is not gzip", e);
        }
    }

    /**
     * The chunk files of a run read as one stream. {@link #available()} counts every byte still to
     * come, across files: {@link GZIPInputStream} reads a following gzip member (a chunk the server
     * compressed on its own) only if it sees more input available, which a plain sequence of streams
     * does not report at a file boundary.
     */
    private final class JoinedChunks extends InputStream {
        private final Iterator<ChunkFetcher.Chunk> next;
        private long remaining;
        private InputStream current = InputStream.nullInputStream();

        JoinedChunks(List<ChunkFetcher.Chunk> run) {
            this.next = run.iterator();
            this.remaining = run.stream().mapToLong(ChunkFetcher.Chunk::bytes).sum();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                int n = current.read(b, off, len);
                if (n > 0) {
                    remaining -= n;
                    return n;
                }
                if (n < 0 || len == 0) {
                    if (len == 0) {
                        return 0;
                    }
                    current.close();
                    if (!next.hasNext()) {
                        return -1;
                    }
                    current = files.open(owner, next.next().name());
                }
            }
        }

        @Override
        public int available() {
            return (int) Math.min(Integer.MAX_VALUE, remaining);
        }

        @Override
        public void close() throws IOException {
            current.close();
        }
    }

    /** Consecutive chunks with the same encoding. */
    static List<List<ChunkFetcher.Chunk>> runs(List<ChunkFetcher.Chunk> chunks) {
        List<List<ChunkFetcher.Chunk>> runs = new ArrayList<>();
        for (ChunkFetcher.Chunk c : chunks) {
            if (runs.isEmpty() || runs.get(runs.size() - 1).get(0).gzipped() != c.gzipped()) {
                runs.add(new ArrayList<>());
            }
            runs.get(runs.size() - 1).add(c);
        }
        return Collections.unmodifiableList(runs);
    }

    private long copy(InputStream in, WorkFiles.PendingWorkFile out, MessageDigest md, long size, long cap, String messageId,
                      long wireBytes) throws IOException {
        byte[] buf = new byte[BUFFER];
        for (int n; (n = in.read(buf)) >= 0; ) {
            size += n;
            if (size > cap) {
                throw size > limits.maxMessageBytes()
                        ? new InboundRefusal(InboundRefusal.Kind.TOO_LARGE, messageId, "more than " + limits.maxMessageBytes()
                                + " bytes once gunzipped")
                        : new InboundRefusal(InboundRefusal.Kind.GZIP_RATIO, messageId, "gunzips to more than " + limits.maxGzipRatio()
                                + " times its " + wireBytes + " compressed bytes");
            }
            md.update(buf, 0, n);
            out.write(buf, 0, n);
        }
        return size;
    }
}
