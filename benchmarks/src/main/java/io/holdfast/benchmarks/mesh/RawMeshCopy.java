package io.holdfast.benchmarks.mesh;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.holdfast.mesh.protocol.ChunkRange;
import io.holdfast.mesh.protocol.MeshAuthToken;
import io.holdfast.mesh.protocol.MeshHeaders;
import io.holdfast.mesh.protocol.MeshPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline: a plain JDK HttpClient doing the same MESH copy (chunked POSTs, list, chunked GETs
 * to a file, acknowledge) with no checksum, journal, encryption or idempotency.
 */
final class RawMeshCopy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final byte[] key;

    RawMeshCopy(String base, String sharedKey) {
        this.base = base;
        this.key = sharedKey.getBytes(StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder req(String mailbox, String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .header(MeshHeaders.AUTHORIZATION, MeshAuthToken.create(mailbox, "password", key, Instant.now()).header())
                .header(MeshHeaders.ACCEPT, MeshHeaders.MEDIA_TYPE_V2);
    }

    String send(String from, String to, Path file, long chunkSize) throws IOException, InterruptedException {
        long size = Files.size(file);
        int total = ChunkRange.chunksFor(size, chunkSize);
        String id = null;
        for (int n = 1; n <= total; n++) {
            long offset = (n - 1) * chunkSize;
            long len = Math.min(chunkSize, size - offset);
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                try {
                    InputStream in = Files.newInputStream(file);
                    in.skipNBytes(offset);
                    return new java.io.BufferedInputStream(new LimitedStream(in, len), 64 * 1024);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }), len);
            String path = n == 1 ? MeshPaths.outbox(from) : MeshPaths.outboxChunk(from, id, n);
            HttpRequest.Builder b = req(from, path).header(MeshHeaders.CHUNK_RANGE, n + ":" + total).POST(body);
            if (n == 1) {
                b.header(MeshHeaders.TO, to).header(MeshHeaders.WORKFLOW_ID, "BENCH");
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            check(r);
            if (n == 1) {
                id = JSON.readTree(r.body()).path("message_id").asText();
            }
        }
        return id;
    }

    /** Lists every waiting message, downloads each to a file in {@code dir} and acknowledges it. */
    int receiveAll(String mailbox, Path dir) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        String path = MeshPaths.inbox(mailbox) + "?max_results=500";
        while (path != null) {
            HttpResponse<byte[]> r = http.send(req(mailbox, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            check(r);
            JsonNode n = JSON.readTree(r.body());
            n.path("messages").forEach(m -> ids.add(m.asText()));
            path = n.path("links").has("next") ? n.path("links").path("next").asText() : null;
        }
        for (String id : ids) {
            Path target = dir.resolve(id + ".dat");
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING)) {
                int total = 1;
                for (int c = 1; c <= total; c++) {
                    String p = c == 1 ? MeshPaths.inboxMessage(mailbox, id) : MeshPaths.inboxChunk(mailbox, id, c);
                    HttpResponse<InputStream> r = http.send(req(mailbox, p).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                    try (InputStream in = r.body()) {
                        in.transferTo(out);
                    }
                    total = r.headers().firstValue(MeshHeaders.CHUNK_RANGE).flatMap(ChunkRange::parse).map(ChunkRange::total).orElse(1);
                }
            }
            check(http.send(req(mailbox, MeshPaths.acknowledge(mailbox, id)).PUT(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofByteArray()));
            Files.delete(target);
        }
        return ids.size();
    }

    private static void check(HttpResponse<?> r) {
        if (r.statusCode() >= 300) {
            throw new IllegalStateException("MESH answered " + r.statusCode());
        }
    }

    private static final class LimitedStream extends java.io.FilterInputStream {
        private long left;

        LimitedStream(InputStream in, long left) {
            super(in);
            this.left = left;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
