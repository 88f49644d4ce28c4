package io.holdfast.mesh.internal.transport;

import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.message.Payload;
import io.holdfast.mesh.internal.config.InboundLimits;
import io.holdfast.mesh.protocol.MeshChecksum;
import io.holdfast.mesh.protocol.MeshHeaders;
import io.holdfast.mesh.protocol.MeshPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an inbox message chunk by chunk into encrypted work files (never the whole message in
 * heap; only small single-chunk uncompressed messages are kept in memory), asking for gzip. Each
 * chunk is its own work file, so a chunk whose connection drops is simply fetched again. Chunks
 * served with {@code Content-Encoding: gzip} are gunzipped when the message is assembled: a run of
 * consecutive gzip chunks is one gzip stream — a message compressed as a whole and then split, as
 * MESH stores a compressed upload, or chunks each compressed by the server, which read as a
 * multi-member gzip stream — and plain chunks are copied as they are. Limits ({@link InboundLimits})
 * are checked from the first chunk's headers, before any body is read, and again as bytes arrive.
 */
public final class MeshDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(MeshDownloader.class);
    /** Single-chunk, uncompressed messages up to this size are held in memory (the journal's small-payload limit). */
    static final long IN_MEMORY_LIMIT = 256 * 1024;
    private final MeshHttp http;
    private final String mailbox;
    private final WorkFiles files;
    private final String owner;
    private final InboundLimits limits;

    public MeshDownloader(MeshHttp http, WorkFiles files, String owner, InboundLimits limits) {
        this.http = http;
        this.mailbox = http.endpoint().mailboxId();
        this.files = files;
        this.owner = owner;
        this.limits = limits;
    }

    /**
     * @throws InboundRefusal if a limit or the free disk space refuses the message (nothing is left on disk)
     */
    public DownloadedMessage download(String messageId) {
        MeshClient.requireValid(messageId);
        HttpResponse<InputStream> first = open(messageId, 1);
        MeshMessageHeaders h = MeshMessageHeaders.from(messageId, first.headers());
        long length = first.headers().firstValueAsLong("Content-Length").orElse(-1);
        try {
            checkBeforeDownload(h, length);
        } catch (InboundRefusal r) {
            closeQuietly(first);
            throw r;
        }
        if (h.chunkRange().total() == 1 && !gzipped(first.headers()) && length >= 0 && length <= IN_MEMORY_LIMIT) {
            Optional<DownloadedMessage> small = inMemory(h, first, length);
            if (small.isPresent()) {
                return small.get();
            }
            first = null;
        }
        try {
            return toWorkFiles(h, Optional.ofNullable(first));
        } catch (IOException e) {
            discard(messageId);
            throw new UncheckedIOException("MESH " + mailbox + ": could not write message " + messageId + " to its work folder", e);
        } catch (RuntimeException e) {
            discard(messageId);
            throw e;
        }
    }

    /** Chunk count, announced size and free disk space, from the first chunk's headers. */
    private void checkBeforeDownload(MeshMessageHeaders h, long firstChunkLength) {
        int total = h.chunkRange().total();
        if (total > limits.maxChunks()) {
            throw new InboundRefusal(InboundRefusal.Kind.TOO_MANY_CHUNKS, h.messageId(), total + " chunks, more than " + limits.maxChunks());
        }
        // Every chunk but the last is as large as the first: this is the most the message can be on the wire.
        long estimate = Math.max(0, firstChunkLength) * total;
        if (estimate > limits.maxMessageBytes()) {
            throw new InboundRefusal(InboundRefusal.Kind.TOO_LARGE, h.messageId(), "about " + estimate + " bytes (" + total
                    + " chunks of " + firstChunkLength + "), more than " + limits.maxMessageBytes());
        }
        long free;
        try {
            free = files.usableSpace(owner);
        } catch (IOException e) {
            throw new UncheckedIOException("MESH " + mailbox + ": cannot tell the free space of the work folder", e);
        }
        // The chunks and the assembled content are on disk together until the chunks are deleted.
        long needed = 2 * estimate + limits.minFreeDiskBytes();
        if (free < needed) {
            throw new InboundRefusal(InboundRefusal.Kind.DISK_SPACE, h.messageId(), free + " bytes free on the work folder's disk, "
                    + needed + " needed (" + limits.minFreeDiskBytes() + " kept free)");
        }
    }

    // A small single-chunk message never touches the disk: if it is lost in a crash it is simply downloaded again.
    private Optional<DownloadedMessage> inMemory(MeshMessageHeaders h, HttpResponse<InputStream> r, long length) {
        byte[] bytes;
        try (InputStream in = r.body()) {
            bytes = in.readNBytes((int) length + 1);
        } catch (IOException e) {
            LOG.debug("MESH {}: small message {} interrupted ({}), fetching it again", mailbox, h.messageId(), e.getMessage());
            return Optional.empty();
        }
        if (bytes.length != length) {
            return Optional.empty();
        }
        String sha256 = HexFormat.of().formatHex(sha256().digest(bytes));
        Optional<Boolean> matches = h.checksum().flatMap(MeshChecksum::verifiableSha256).map(sha256::equals);
        return Optional.of(new DownloadedMessage(h, Payload.of(bytes), sha256, bytes.length, matches, false));
    }

    private DownloadedMessage toWorkFiles(MeshMessageHeaders h, Optional<HttpResponse<InputStream>> opened) throws IOException {
        String id = h.messageId();
        int total = h.chunkRange().total();
        ChunkFetcher fetcher = new ChunkFetcher(http, files, owner, limits);
        List<ChunkFetcher.Chunk> chunks = new java.util.ArrayList<>(total);
        long wire = 0;
        for (int n = 1; n <= total; n++) {
            ChunkFetcher.Chunk c = fetcher.fetch(id, n, chunkPath(id, n), chunkName(id, n), n == 1 ? opened : Optional.empty(), wire);
            chunks.add(c);
            wire += c.bytes();
        }
        ChunkAssembler.Assembled a = new ChunkAssembler(files, owner, limits).assemble(id, chunks, wire, DownloadState.contentName(id));
        for (ChunkFetcher.Chunk c : chunks) {
            files.delete(owner, c.name());
        }
        Optional<Boolean> matches = h.checksum().flatMap(MeshChecksum::verifiableSha256).map(a.sha256()::equals);
        String content = DownloadState.contentName(id);
        return new DownloadedMessage(h, Payload.ofStream(a.size(), () -> files.open(owner, content)), a.sha256(), a.size(), matches, true);
    }

    /** Removes whatever a failed or refused download left in the work folder. */
    void discard(String messageId) {
        try {
            for (String name : files.list(owner)) {
                if (name.startsWith(messageId + ".c")) {
                    files.delete(owner, name);
                }
            }
        } catch (IOException e) {
            LOG.debug("MESH {}: could not remove the chunks of {}: {}", mailbox, messageId, e.toString());
        }
    }

    static String chunkName(String messageId, int chunk) {
        return messageId + ".c" + chunk;
    }

    private String chunkPath(String messageId, int chunk) {
        return chunk == 1 ? MeshPaths.inboxMessage(mailbox, messageId) : MeshPaths.inboxChunk(mailbox, messageId, chunk);
    }

    /** GET of a chunk's headers (asking for gzip), retrying retryable answers; the body is read by the caller. */
    private HttpResponse<InputStream> open(String messageId, int chunk) {
        return http.send("download " + messageId + " chunk " + chunk, () -> http.request(chunkPath(messageId, chunk))
                .header(MeshHeaders.ACCEPT_ENCODING, MeshHeaders.GZIP).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    static boolean gzipped(HttpHeaders headers) {
        return headers.firstValue(MeshHeaders.CONTENT_ENCODING).map(String::trim).filter(MeshHeaders.GZIP::equalsIgnoreCase).isPresent();
    }

    private static void closeQuietly(HttpResponse<InputStream> r) {
        try {
            r.body().close();
        } catch (IOException e) {
            LOG.debug("closing a refused download", e);
        }
    }

    static String hash(InputStream in) throws IOException {
        MessageDigest md = sha256();
        try (InputStream d = new java.security.DigestInputStream(in, md)) {
            d.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
