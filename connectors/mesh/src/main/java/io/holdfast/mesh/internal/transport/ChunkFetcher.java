package io.holdfast.mesh.internal.transport;

import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.mesh.internal.config.InboundLimits;
import io.holdfast.mesh.protocol.MeshHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one chunk into its own encrypted work file, as served (gzip or not), retrying a chunk
 * whose connection drops. The message's wire size is capped as the bytes arrive.
 */
final class ChunkFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(ChunkFetcher.class);
    private static final int BUFFER = 64 * 1024;
    private final MeshHttp http;
    private final WorkFiles files;
    private final String owner;
    private final InboundLimits limits;

    ChunkFetcher(MeshHttp http, WorkFiles files, String owner, InboundLimits limits) {
        this.http = http;
        this.files = files;
        this.owner = owner;
        this.limits = limits;
    }

    /** A chunk on disk: its work file, its size as served, and whether it was served gzipped. */
    record Chunk(int number, String name, long bytes, boolean gzipped) {
    }

    Chunk fetch(String messageId, int chunk, String path, String name, Optional<HttpResponse<InputStream>> opened, long wireSoFar)
            throws IOException {
        String what = "download " + messageId + " chunk " + chunk;
        for (int retry = 0; ; retry++) {
            try {
                HttpResponse<InputStream> r = retry == 0 && opened.isPresent() ? opened.get()
                        : http.sendOnce(what, http.request(path).header(MeshHeaders.ACCEPT_ENCODING, MeshHeaders.GZIP).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long expected = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                long copied;
                try (InputStream in = r.body(); WorkFiles.PendingWorkFile out = files.create(owner, name)) {
                    copied = copy(in, out, messageId, wireSoFar);
                    if (expected >= 0 && copied != expected) {
                        throw new IOException("chunk ended after " + copied + " of " + expected + " bytes");
                    }
                    out.commit();
                }
                return new Chunk(chunk, name, copied, MeshDownloader.gzipped(r.headers()));
            } catch (IOException | MeshException e) {
                boolean retryable = !(e instanceof MeshException m) || m.retryable();
                if (!retryable || retry >= http.backoff().maxRetries()) {
                    throw e instanceof MeshException m ? m : MeshException.noAnswer(what, e);
                }
                LOG.debug("MESH {}: chunk {} of {} failed ({}), fetching it again", http.endpoint().mailboxId(), chunk, messageId,
                        e.getMessage());
                Backoff.sleep(http.backoff().delay(retry + 1, e instanceof MeshException m ? m.retryAfter() : Optional.empty()));
            }
        }
    }

    private long copy(InputStream in, WorkFiles.PendingWorkFile out, String messageId, long wireSoFar) throws IOException {
        byte[] buf = new byte[BUFFER];
        long copied = 0;
        for (int n; (n = in.read(buf)) >= 0; ) {
            copied += n;
            if (wireSoFar + copied > limits.maxMessageBytes()) {
                throw new InboundRefusal(InboundRefusal.Kind.TOO_LARGE, messageId, "more than " + limits.maxMessageBytes()
                        + " bytes on the wire");
            }
            out.write(buf, 0, n);
        }
        return copied;
    }
}
