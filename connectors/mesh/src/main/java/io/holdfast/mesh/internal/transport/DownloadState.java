package io.holdfast.mesh.internal.transport;

import io.holdfast.api.kernel.WorkFiles;
import io.holdfast.api.message.Payload;
import io.holdfast.mesh.protocol.ChunkRange;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * What a mailbox's work folder remembers across restarts, in encrypted work files: a complete,
 * verified download ({@code <id>.dat} + {@code <id>.meta}, committed last) that has not been
 * acknowledged yet, and messages refused for a bad checksum ({@code <id>.rejected}). A download
 * whose content no longer matches its recorded SHA-256 is discarded and fetched again. Ids are
 * validated MESH message ids, so every name is a plain file name inside the folder.
 */
public final class DownloadState {
    private static final String META = ".meta";
    private final WorkFiles files;
    private final String owner;

    public DownloadState(WorkFiles files, String owner) {
        this.files = files;
        this.owner = owner;
    }

    public WorkFiles files() {
        return files;
    }

    public String owner() {
        return owner;
    }

    static String contentName(String messageId) {
        return messageId + ".dat";
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
        try (WorkFiles.PendingWorkFile out = files.create(owner, h.messageId() + META)) {
            p.store(out, "MESH download complete, not yet acknowledged");
            out.commit();
        }
    }

    /** A complete download from before a restart, if there is one. */
    public Optional<DownloadedMessage> completed(String messageId) throws IOException {
        String content = contentName(messageId);
        OptionalLong stored;
        try {
            stored = files.size(owner, content);
        } catch (IOException damaged) {
            clear(messageId);
            return Optional.empty();
        }
        if (files.size(owner, messageId + META).isEmpty() || stored.isEmpty()) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (InputStream in = files.open(owner, messageId + META)) {
            p.load(in);
        }
        MeshMessageHeaders h = new MeshMessageHeaders(messageId, p.getProperty("messageType"), p.getProperty("from"),
                p.getProperty("to"), p.getProperty("workflowId"), opt(p, "subject"), opt(p, "localId"), opt(p, "fileName"),
                opt(p, "checksum"), opt(p, "contentEncoding"), ChunkRange.parse(p.getProperty("chunkRange")).orElse(ChunkRange.SINGLE),
                opt(p, "linkedMessageId"), opt(p, "statusCode"), opt(p, "statusDescription"));
        String sha256 = p.getProperty("sha256");
        long size = Long.parseLong(p.getProperty("size"));
        if (stored.getAsLong() != size || !hashOf(content).equals(sha256)) {
            clear(messageId);
            return Optional.empty();
        }
        return Optional.of(new DownloadedMessage(h, Payload.ofStream(size, () -> files.open(owner, content)), sha256, size,
                opt(p, "checksumMatches").map(Boolean::parseBoolean), true));
    }

    private String hashOf(String name) throws IOException {
        try (InputStream in = files.open(owner, name)) {
            return MeshDownloader.hash(in);
        } catch (UncheckedIOException | io.holdfast.api.error.HoldfastException unreadable) {
            return "";
        }
    }

    public void reject(String messageId, String reason) throws IOException {
        try (WorkFiles.PendingWorkFile out = files.create(owner, messageId + ".rejected")) {
            out.write(reason.getBytes(StandardCharsets.UTF_8));
            out.commit();
        }
    }

    public boolean rejected(String messageId) throws IOException {
        return files.size(owner, messageId + ".rejected").isPresent();
    }

    /** Removes everything held for a message once MESH has its acknowledgement. */
    public void clear(String messageId) throws IOException {
        files.delete(owner, messageId + META);
        files.delete(owner, contentName(messageId));
        for (String name : files.list(owner)) {
            if (name.startsWith(messageId + ".c")) {
                files.delete(owner, name);
            }
        }
    }

    /** Ids of downloads that are complete but not acknowledged. */
    public List<String> pending() throws IOException {
        return files.list(owner).stream().filter(n -> n.endsWith(META)).map(n -> n.substring(0, n.length() - META.length())).toList();
    }

    private static Optional<String> opt(Properties p, String key) {
        return Optional.ofNullable(p.getProperty(key));
    }
}
