package io.holdfast.mesh.internal.transport;

import io.holdfast.mesh.protocol.ChunkRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a mailbox's work directory remembers across restarts: a complete, verified download
 * ({@code <id>.dat} + {@code <id>.properties}, written last and atomically) that has not been
 * acknowledged yet, and messages refused for a bad checksum ({@code <id>.rejected}). A download
 * whose file no longer matches its recorded SHA-256 is discarded and fetched again.
 */
public final class DownloadState {
    private final Path dir;

    public DownloadState(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    /** Records a finished download; after this, a restart re-feeds the file instead of downloading again. */
    public void complete(DownloadedMessage m) throws IOException {
        Properties p = new Properties();
        MeshMessageHeaders h = m.headers();
        p.setProperty("messageId", h.messageId());
        p.setProperty("messageType", h.messageType());
        p.setProperty("from", h.from());
        p.setProperty("to", h.to());
        p.setProperty("workflowId", h.workflowId());
        h.subject().ifPresent(v -> p.setProperty("subject", v));
        h.localId().ifPresent(v -> p.setProperty("localId", v));
        h.fileName().ifPresent(v -> p.setProperty("fileName", v));
        h.checksum().ifPresent(v -> p.setProperty("checksum", v));
        h.contentEncoding().ifPresent(v -> p.setProperty("contentEncoding", v));
        h.linkedMessageId().ifPresent(v -> p.setProperty("linkedMessageId", v));
        h.statusCode().ifPresent(v -> p.setProperty("statusCode", v));
        h.statusDescription().ifPresent(v -> p.setProperty("statusDescription", v));
        p.setProperty("chunkRange", h.chunkRange().header());
        p.setProperty("sha256", m.sha256());
        p.setProperty("size", Long.toString(m.size()));
        m.checksumMatches().ifPresent(v -> p.setProperty("checksumMatches", v.toString()));
        Path tmp = dir.resolve(h.messageId() + ".properties.tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            p.store(out, "MESH download complete, not yet acknowledged");
        }
        Files.move(tmp, meta(h.messageId()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** A complete download from before a restart, if there is one. */
    public Optional<DownloadedMessage> completed(String messageId) throws IOException {
        Path meta = meta(messageId);
        Path content = content(messageId);
        if (!Files.exists(meta) || !Files.exists(content)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(meta)) {
            p.load(in);
        }
        MeshMessageHeaders h = new MeshMessageHeaders(messageId, p.getProperty("messageType"), p.getProperty("from"),
                p.getProperty("to"), p.getProperty("workflowId"), opt(p, "subject"), opt(p, "localId"), opt(p, "fileName"),
                opt(p, "checksum"), opt(p, "contentEncoding"), ChunkRange.parse(p.getProperty("chunkRange")).orElse(ChunkRange.SINGLE),
                opt(p, "linkedMessageId"), opt(p, "statusCode"), opt(p, "statusDescription"));
        // Downloads are not fsynced: after a crash the file may be short or stale, so check it before re-feeding.
        String sha256 = p.getProperty("sha256");
        long size = Long.parseLong(p.getProperty("size"));
        if (Files.size(content) != size || !MeshDownloader.hash(content).equals(sha256)) {
            clear(messageId);
            return Optional.empty();
        }
        return Optional.of(new DownloadedMessage(h, io.holdfast.api.message.Payload.ofFile(content), sha256, size,
                opt(p, "checksumMatches").map(Boolean::parseBoolean)));
    }

    public void reject(String messageId, String reason) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(messageId + ".rejected"), reason);
    }

    public boolean rejected(String messageId) {
        return Files.exists(dir.resolve(messageId + ".rejected"));
    }

    /** Removes everything held for a message once MESH has its acknowledgement. */
    public void clear(String messageId) throws IOException {
        Files.deleteIfExists(meta(messageId));
        Files.deleteIfExists(content(messageId));
        Files.deleteIfExists(dir.resolve(messageId + ".part"));
    }

    /** Ids of downloads that are complete but not acknowledged. */
    public List<String> pending() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                    .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
        }
    }

    Path content(String messageId) {
        return dir.resolve(messageId + ".dat");
    }

    private Path meta(String messageId) {
        return dir.resolve(messageId + ".properties");
    }

    private static Optional<String> opt(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key));
    }
}
