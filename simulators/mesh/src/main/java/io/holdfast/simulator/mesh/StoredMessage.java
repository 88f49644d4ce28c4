package io.holdfast.simulator.mesh;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One message held by the simulator. Chunks are files on disk, never in heap. Mutable state is
 * guarded by the store's lock.
 */
public final class StoredMessage {
    final String messageId;
    final String messageType;
    final String sender;
    final String recipient;
    final String workflowId;
    final Optional<String> subject;
    final Optional<String> localId;
    final Optional<String> fileName;
    final Optional<String> checksum;
    final Optional<String> contentEncoding;
    final boolean compressed;
    final int totalChunks;
    final Instant createdAt;
    final Path directory;
    Optional<String> linkedMessageId = Optional.empty();
    MessageStatus status;
    Instant statusAt;
    Optional<String> statusCode = Optional.empty();
    Optional<String> statusDescription = Optional.empty();
    Optional<Instant> acceptedAt = Optional.empty();
    Optional<Instant> acknowledgedAt = Optional.empty();
    int chunksReceived;
    long size;

    StoredMessage(String messageId, String messageType, String sender, String recipient, String workflowId,
                  Optional<String> subject, Optional<String> localId, Optional<String> fileName, Optional<String> checksum,
                  Optional<String> contentEncoding, boolean compressed, int totalChunks, Instant createdAt, Path directory) {
        this.messageId = messageId;
        this.messageType = messageType;
        this.sender = sender;
        this.recipient = recipient;
        this.workflowId = workflowId;
        this.subject = subject;
        this.localId = localId;
        this.fileName = fileName;
        this.checksum = checksum;
        this.contentEncoding = contentEncoding;
        this.compressed = compressed;
        this.totalChunks = totalChunks;
        this.createdAt = createdAt;
        this.directory = directory;
        this.status = MessageStatus.UPLOADING;
        this.statusAt = createdAt;
    }

    Path chunkFile(int chunk) {
        return directory.resolve(chunk + ".chunk");
    }

    /** A read-only view for tests and the shell. */
    public MessageView view() {
        return new MessageView(messageId, messageType, sender, recipient, workflowId, localId, fileName, checksum, status,
                statusCode, totalChunks, size, linkedMessageId);
    }

    /** What tests and tools may see of a stored message. */
    public record MessageView(String messageId, String messageType, String sender, String recipient, String workflowId,
                              Optional<String> localId, Optional<String> fileName, Optional<String> checksum,
                              MessageStatus status, Optional<String> statusCode, int totalChunks, long size,
                              Optional<String> linkedMessageId) {
    }
}
