package io.holdfast.mesh.internal.transport;

import com.fasterxml.jackson.databind.JsonNode;
import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.message.Payload;
import io.holdfast.mesh.internal.config.GzipPolicy;
import io.holdfast.mesh.protocol.ChunkRange;
import io.holdfast.mesh.protocol.MeshChecksum;
import io.holdfast.mesh.protocol.MeshHeaders;
import io.holdfast.mesh.protocol.MeshPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a message through the outbox: {@code sha256:} checksum over the content, gzip by policy,
 * chunks of the configured size streamed from the payload. The first POST is never repeated
 * blindly: after an ambiguous failure (no answer, 502, 504) the local id is looked up in
 * tracking first, and a message MESH already has is continued rather than sent twice.
 */
public final class MeshUploader {
    static final long AUTO_GZIP_MIN_SIZE = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(MeshUploader.class);
    private final MeshClient client;
    private final MeshHttp http;
    private final long chunkSize;
    private final GzipPolicy gzip;
    private final WorkFiles files;
    private final String owner;
    /** Local id → message id of uploads whose first POST was accepted but whose later chunks have not all been (this process). */
    private final Map<String, String> unfinished = new ConcurrentHashMap<>();

    /** @param files where a gzipped copy of the content is kept while it is sent (encrypted, private) */
    public MeshUploader(MeshClient client, long chunkSize, GzipPolicy gzip, WorkFiles files, String owner) {
        this.client = client;
        this.http = client.http();
        this.chunkSize = chunkSize;
        this.gzip = gzip;
        this.files = files;
        this.owner = owner;
    }

    public SendResult send(OutgoingMessage m) {
        try (Body body = body(m)) {
            String checksum = MeshChecksum.sha256Hex(hash(m.content()));
            long size = body.payload().size();
            int total = ChunkRange.chunksFor(size, chunkSize);
            FirstPost first = postFirst(m, body.payload(), Math.min(size, chunkSize), total, checksum, body.gzipped());
            if (!first.alreadyComplete()) {
                m.localId().ifPresent(l -> unfinished.put(l, first.messageId()));
                for (int n = 2; n <= total; n++) {
                    postChunk(first.messageId(), body.payload(), n, total, size, body.gzipped());
                }
            }
            m.localId().ifPresent(unfinished::remove);
            return new SendResult(first.messageId(), total, body.gzipped(), first.foundByLocalId());
        } catch (IOException e) {
            throw new UncheckedIOException("MESH " + client.mailbox() + ": could not read the content to send", e);
        }
    }

    /** The message id of an upload this process started under {@code localId} and has not finished, if any. */
    public Optional<String> unfinished(String localId) {
        return Optional.ofNullable(unfinished.get(localId));
    }

    /**
     * Completes a message MESH still has as uploading (an earlier attempt died after the first POST):
     * uploads chunks 2..N again (MESH replaces a chunk sent twice) so the recipient gets it once.
     */
    public SendResult resume(String messageId, OutgoingMessage m) {
        try (Body body = body(m)) {
            long size = body.payload().size();
            int total = ChunkRange.chunksFor(size, chunkSize);
            for (int n = 2; n <= total; n++) {
                postChunk(messageId, body.payload(), n, total, size, body.gzipped());
            }
            m.localId().ifPresent(unfinished::remove);
            return new SendResult(messageId, total, body.gzipped(), true);
        } catch (IOException e) {
            throw new UncheckedIOException("MESH " + client.mailbox() + ": could not read the content to send", e);
        }
    }

    /** The bytes that go on the wire: the content, or a gzipped copy in a work file deleted on close. */
    private record Body(Payload payload, boolean gzipped, Runnable cleanup) implements AutoCloseable {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    private Body body(OutgoingMessage m) throws IOException {
        if (!shouldGzip(m.content())) {
            return new Body(m.content(), false, () -> { });
        }
        String name = "out-" + UUID.randomUUID() + ".gz";
        long size;
        try (WorkFiles.PendingWorkFile out = files.create(owner, name)) {
            gzipTo(m.content(), out);
            out.commit();
            size = files.size(owner, name).orElseThrow();
        }
        return new Body(Payload.ofStream(size, () -> files.open(owner, name)), true, () -> {
            try {
                files.delete(owner, name);
            } catch (IOException e) {
                LOG.warn("MESH {}: could not delete the gzipped work file {}: {}", client.mailbox(), name, e.toString());
            }
        });
    }

    private record FirstPost(String messageId, boolean foundByLocalId, boolean alreadyComplete) {
    }

    private FirstPost postFirst(OutgoingMessage m, Payload body, long length, int total, String checksum, boolean zip) {
        for (int retry = 0; ; retry++) {
            try {
                HttpRequest.Builder b = http.request(MeshPaths.outbox(client.mailbox()))
                        .header(MeshHeaders.TO, m.to()).header(MeshHeaders.WORKFLOW_ID, m.workflowId())
                        .header(MeshHeaders.CONTENT_TYPE, MeshHeaders.OCTET_STREAM)
                        .header(MeshHeaders.CHUNK_RANGE, new ChunkRange(1, total).header())
                        .header(MeshHeaders.CONTENT_CHECKSUM, checksum);
                m.subject().ifPresent(v -> b.header(MeshHeaders.SUBJECT, v));
                m.localId().ifPresent(v -> b.header(MeshHeaders.LOCAL_ID, v));
                m.fileName().ifPresent(v -> b.header(MeshHeaders.FILE_NAME, v));
                if (zip) {
                    b.header(MeshHeaders.CONTENT_ENCODING, MeshHeaders.GZIP).header(MeshHeaders.CONTENT_COMPRESSED, "Y");
                }
                HttpResponse<byte[]> r = http.sendOnce("send", b.POST(PayloadRange.publisher(body, 0, length)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                JsonNode n = MeshHttp.JSON.readTree(r.body());
                return new FirstPost(n.path("message_id").asText(), false, total == 1);
            } catch (MeshException e) {
                Optional<FirstPost> known = e.ambiguous() ? lookUp(m, e) : Optional.empty();
                if (known.isPresent()) {
                    return known.get();
                }
                if (!e.retryable() || retry >= http.backoff().maxRetries()) {
                    throw e;
                }
                Backoff.sleep(http.backoff().delay(retry + 1, e.retryAfter()));
            } catch (IOException e) {
                throw new MeshException(200, "", "send: MESH answered with a body that is not JSON", Optional.empty(), e);
            }
        }
    }

    // The first POST may have been accepted although no answer arrived: ask tracking before posting again.
    private Optional<FirstPost> lookUp(OutgoingMessage m, MeshException cause) {
        if (m.localId().isEmpty()) {
            throw new MeshException(cause.status(), cause.meshCode(), cause.getMessage()
                    + "; without a local id MESH cannot say whether it was accepted, so it is not posted again",
                    Optional.empty(), cause);
        }
        Optional<MeshTracking> t = client.trackByLocalId(m.localId().get()).filter(x -> !x.failed());
        t.ifPresent(x -> LOG.info("MESH {}: first POST for local id {} got no answer but MESH has it as {} ({}); not posting again",
                client.mailbox(), m.localId().get(), x.messageId(), x.status()));
        return t.map(x -> new FirstPost(x.messageId(), true, !x.uploading()));
    }

    private void postChunk(String messageId, Payload body, int n, int total, long size, boolean zip) {
        long offset = (n - 1) * chunkSize;
        long length = Math.min(chunkSize, size - offset);
        http.send("send chunk " + n, () -> {
            HttpRequest.Builder b = http.request(MeshPaths.outboxChunk(client.mailbox(), messageId, n))
                    .header(MeshHeaders.CONTENT_TYPE, MeshHeaders.OCTET_STREAM)
                    .header(MeshHeaders.CHUNK_RANGE, new ChunkRange(n, total).header());
            if (zip) {
                b.header(MeshHeaders.CONTENT_ENCODING, MeshHeaders.GZIP);
            }
            return b.POST(PayloadRange.publisher(body, offset, length)).build();
        }, HttpResponse.BodyHandlers.ofByteArray());
    }

    boolean shouldGzip(Payload content) throws IOException {
        return switch (gzip) {
            case ALWAYS -> true;
            case NEVER -> false;
            case AUTO -> content.size() >= AUTO_GZIP_MIN_SIZE && sampleRatio(content) < 0.7;
        };
    }

    // Compressed size / original size of the first 64 KiB at the fastest level.
    private static double sampleRatio(Payload content) throws IOException {
        byte[] sample;
        try (InputStream in = content.open()) {
            sample = in.readNBytes((int) AUTO_GZIP_MIN_SIZE);
        }
        Deflater d = new Deflater(Deflater.BEST_SPEED);
        try {
            d.setInput(sample);
            d.finish();
            byte[] out = new byte[sample.length + 64];
            int len = 0;
            while (!d.finished()) {
                len += d.deflate(out, len, out.length - len);
            }
            return sample.length == 0 ? 1 : (double) len / sample.length;
        } finally {
            d.end();
        }
    }

    private static void gzipTo(Payload content, OutputStream target) throws IOException {
        try (InputStream in = content.open(); OutputStream out = new GZIPOutputStream(new NonClosing(target), 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            in.transferTo(out);
        }
    }

    private static String hash(Payload content) throws IOException {
        var md = MeshDownloader.sha256();
        try (InputStream in = new java.security.DigestInputStream(content.open(), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }

    /** The work file is committed after the gzip stream is finished, so closing the gzip stream must not close it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
