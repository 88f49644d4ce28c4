package io.holdfast.mesh.internal.transport;

import io.holdfast.api.message.Payload;
import io.holdfast.mesh.protocol.ChunkRange;
import io.holdfast.mesh.protocol.MeshChecksum;
import io.holdfast.mesh.protocol.MeshPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an inbox message chunk by chunk straight into a file (never the whole message in
 * heap; only small single-chunk messages are kept in memory). A chunk whose connection drops is
 * truncated away and fetched again. Gzipped content is decompressed from the file afterwards,
 * hashing as it goes.
 */
public final class MeshDownloader {
    private static final Logger LOG = LoggerFactory.getLogger(MeshDownloader.class);
    private static final int BUFFER = 64 * 1024;
    /** Single-chunk, uncompressed messages up to this size are held in memory (the journal's small-payload limit). */
    static final long IN_MEMORY_LIMIT = 256 * 1024;
    private final MeshHttp http;
    private final String mailbox;

    public MeshDownloader(MeshHttp http) {
        this.http = http;
        this.mailbox = http.endpoint().mailboxId();
    }

    public DownloadedMessage download(String messageId, Path dir) {
        String first = MeshPaths.inboxMessage(mailbox, messageId);
        HttpResponse<InputStream> opened = open(messageId, 1, first);
        long length = opened.headers().firstValueAsLong("Content-Length").orElse(-1);
        MeshMessageHeaders h = MeshMessageHeaders.from(messageId, opened.headers());
        if (h.chunkRange().total() == 1 && !h.gzipped() && length >= 0 && length <= IN_MEMORY_LIMIT) {
            Optional<DownloadedMessage> small = inMemory(h, opened, length);
            if (small.isPresent()) {
                return small.get();
            }
            opened = null;
        }
        return toFile(messageId, dir, Optional.ofNullable(opened));
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
        return Optional.of(new DownloadedMessage(h, Payload.of(bytes), sha256, bytes.length, matches));
    }

    private DownloadedMessage toFile(String messageId, Path dir, Optional<HttpResponse<InputStream>> opened) {
        Path raw = dir.resolve(messageId + ".part");
        Path content = dir.resolve(messageId + ".dat");
        try {
            Files.createDirectories(dir);
            MeshMessageHeaders headers;
            // Hashes the bytes as they arrive; only used when the content is not gzipped.
            MessageDigest[] md = {sha256()};
            // No fsync: durability is Intake's commit; a download lost in a crash is fetched again.
            try (FileChannel out = FileChannel.open(raw, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                headers = fetchChunk(messageId, 1, out, md, opened);
                ChunkRange range = headers.chunkRange();
                for (int n = 2; n <= range.total(); n++) {
                    fetchChunk(messageId, n, out, md, Optional.empty());
                }
            }
            String sha256;
            if (headers.gzipped()) {
                sha256 = copyHashing(new GZIPInputStream(Files.newInputStream(raw), BUFFER), content);
                Files.delete(raw);
            } else {
                Files.move(raw, content, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                sha256 = HexFormat.of().formatHex(md[0].digest());
            }
            Optional<Boolean> matches = headers.checksum().flatMap(MeshChecksum::verifiableSha256).map(sha256::equals);
            return new DownloadedMessage(headers, Payload.ofFile(content), sha256, Files.size(content), matches);
        } catch (IOException e) {
            throw new UncheckedIOException("MESH " + mailbox + ": could not write message " + messageId + " to " + dir, e);
        }
    }

    /** GET of a chunk's headers, retrying retryable answers; the body is read by the caller. */
    private HttpResponse<InputStream> open(String messageId, int chunk, String path) {
        return http.send("download " + messageId + " chunk " + chunk, () -> http.request(path).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
    }

    /** {@code md[0]} is replaced by the digest state at the chunk's start when the chunk is fetched again. */
    private MeshMessageHeaders fetchChunk(String messageId, int chunk, FileChannel out, MessageDigest[] md,
                                          Optional<HttpResponse<InputStream>> opened) throws IOException {
        long start = out.size();
        MessageDigest atStart = cloneOf(md[0]);
        String path = chunk == 1 ? MeshPaths.inboxMessage(mailbox, messageId) : MeshPaths.inboxChunk(mailbox, messageId, chunk);
        for (int retry = 0; ; retry++) {
            if (retry > 0) {
                md[0] = cloneOf(atStart);
            }
            MessageDigest digest = md[0];
            try {
                HttpResponse<InputStream> r = retry == 0 && opened.isPresent() ? opened.get()
                        : http.sendOnce("download " + messageId + " chunk " + chunk, http.request(path).GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                long expected = r.headers().firstValueAsLong("Content-Length").orElse(-1);
                long copied;
                try (InputStream in = r.body(); ReadableByteChannel src = Channels.newChannel(in)) {
                    copied = copy(src, out, start, digest);
                }
                if (expected >= 0 && copied != expected) {
                    throw new IOException("chunk ended after " + copied + " of " + expected + " bytes");
                }
                return MeshMessageHeaders.from(messageId, r.headers());
            } catch (IOException | MeshException e) {
                boolean retryable = !(e instanceof MeshException m) || m.retryable();
                if (!retryable || retry >= http.backoff().maxRetries()) {
                    throw e instanceof MeshException m ? m : MeshException.noAnswer("download " + messageId + " chunk " + chunk, e);
                }
                out.truncate(start);
                LOG.debug("MESH {}: chunk {} of {} failed ({}), fetching it again", mailbox, chunk, messageId, e.getMessage());
                Backoff.sleep(http.backoff().delay(retry + 1, e instanceof MeshException m ? m.retryAfter() : Optional.empty()));
            }
        }
    }

    // The digest state at a chunk's start, so a refetched chunk is not hashed twice.
    private static MessageDigest cloneOf(MessageDigest md) {
        try {
            return (MessageDigest) md.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 digests of the JDK are cloneable", e);
        }
    }

    private static long copy(ReadableByteChannel src, FileChannel out, long position, MessageDigest digest) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        long written = 0;
        while (src.read(buf) >= 0) {
            buf.flip();
            digest.update(buf.array(), 0, buf.limit());
            while (buf.hasRemaining()) {
                written += out.write(buf, position + written);
            }
            buf.clear();
        }
        return written;
    }

    static String copyHashing(InputStream source, Path target) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(source, md); OutputStream out = Files.newOutputStream(target)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String hash(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
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
