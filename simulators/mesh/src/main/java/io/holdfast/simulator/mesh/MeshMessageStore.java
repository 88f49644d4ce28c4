package io.holdfast.simulator.mesh;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * The simulator's messages: metadata in memory, chunk bodies as files under a data directory.
 * Applies MESH's lifecycle: uploading until the last chunk arrives, accepted into the recipient's
 * inbox, acknowledged by the recipient; unacknowledged messages become undeliverable after
 * 5 days with an error report to the sender; everything is deleted after 30 days.
 */
public final class MeshMessageStore {
    public static final Duration EXPIRY = Duration.ofDays(5);
    public static final Duration RETENTION = Duration.ofDays(30);
    public static final String CODE_UNDELIVERED = "14";

    private final Path dataDir;
    private final Clock clock;
    private final Map<String, StoredMessage> messages = new LinkedHashMap<>();

    public MeshMessageStore(Path dataDir, Clock clock) {
        this.dataDir = dataDir;
        this.clock = clock;
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Instant now() {
        return clock.instant();
    }

    /** Headers of a new outbox message, as the first POST carried them. */
    record NewMessage(String sender, String recipient, String workflowId, Optional<String> subject, Optional<String> localId,
                      Optional<String> fileName, Optional<String> checksum, Optional<String> contentEncoding,
                      boolean compressed, int totalChunks) {
    }

    synchronized StoredMessage create(NewMessage m, String messageType) {
        String id = MessageIds.create(now(), ThreadLocalRandom.current().nextInt(1 << 24));
        StoredMessage s = new StoredMessage(id, messageType, m.sender(), m.recipient(), m.workflowId(), m.subject(),
                m.localId(), m.fileName(), m.checksum(), m.contentEncoding(), m.compressed(), m.totalChunks(), now(),
                dataDir.resolve(id));
        messages.put(id, s);
        return s;
    }

    /** Moves a received body into place as chunk {@code n}; accepts the message when every chunk is in. */
    synchronized void storeChunk(StoredMessage m, int chunk, Path body) throws IOException {
        Files.createDirectories(m.directory);
        Path target = m.chunkFile(chunk);
        boolean replaced = Files.exists(target);
        long previous = replaced ? Files.size(target) : 0;
        Files.move(body, target, StandardCopyOption.REPLACE_EXISTING);
        m.size += Files.size(target) - previous;
        if (!replaced) {
            m.chunksReceived++;
        }
        if (m.chunksReceived == m.totalChunks && m.status == MessageStatus.UPLOADING) {
            m.status = MessageStatus.ACCEPTED;
            m.statusAt = now();
            m.acceptedAt = Optional.of(m.statusAt);
        }
    }

    public synchronized Optional<StoredMessage> get(String messageId) {
        return Optional.ofNullable(messages.get(messageId));
    }

    /** Accepted messages waiting in a mailbox's inbox, oldest first. */
    synchronized List<StoredMessage> inbox(String mailbox) {
        return messages.values().stream()
                .filter(m -> m.recipient.equalsIgnoreCase(mailbox) && m.status == MessageStatus.ACCEPTED)
                .sorted(Comparator.comparing(m -> m.acceptedAt.orElse(m.createdAt)))
                .toList();
    }

    /** False if the message was not in a state that can be acknowledged (already acknowledged is fine). */
    synchronized boolean acknowledge(StoredMessage m) {
        if (m.status == MessageStatus.ACKNOWLEDGED) {
            return true;
        }
        if (m.status != MessageStatus.ACCEPTED) {
            return false;
        }
        m.status = MessageStatus.ACKNOWLEDGED;
        m.statusAt = now();
        m.acknowledgedAt = Optional.of(m.statusAt);
        return true;
    }

    /** The newest message a sender sent with this local id. */
    synchronized Optional<StoredMessage> byLocalId(String sender, String localId) {
        StoredMessage found = null;
        for (StoredMessage m : messages.values()) {
            if (m.sender.equalsIgnoreCase(sender) && m.localId.filter(localId::equals).isPresent()) {
                found = m;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Applies the 5-day expiry (error report to the sender) and 30-day deletion; returns the ids expired. */
    public synchronized List<String> expire() {
        Instant now = now();
        List<String> expired = new ArrayList<>();
        for (StoredMessage m : List.copyOf(messages.values())) {
            boolean dataWaiting = MessageTypes.DATA.equals(m.messageType) && m.status == MessageStatus.ACCEPTED;
            if (dataWaiting && m.acceptedAt.orElseThrow().plus(EXPIRY).isBefore(now)) {
                m.status = MessageStatus.UNDELIVERABLE;
                m.statusAt = now;
                m.statusCode = Optional.of(CODE_UNDELIVERED);
                m.statusDescription = Optional.of("Message not collected by recipient after 5 days");
                report(m, CODE_UNDELIVERED, m.statusDescription.get());
                expired.add(m.messageId);
            }
            if (m.createdAt.plus(RETENTION).isBefore(now)) {
                messages.remove(m.messageId);
                deleteQuietly(m.directory);
            }
        }
        return expired;
    }

    private void report(StoredMessage original, String code, String description) {
        NewMessage r = new NewMessage(original.recipient, original.sender, original.workflowId, original.subject,
                original.localId, Optional.empty(), Optional.empty(), Optional.empty(), false, 1);
        StoredMessage report = create(r, MessageTypes.REPORT);
        report.linkedMessageId = Optional.of(original.messageId);
        report.statusCode = Optional.of(code);
        report.statusDescription = Optional.of(description);
        report.status = MessageStatus.ACCEPTED;
        report.acceptedAt = Optional.of(now());
        report.chunksReceived = 1;
    }

    /** Every message, for tests and the shell. */
    public synchronized List<StoredMessage.MessageView> all() {
        return messages.values().stream().map(StoredMessage::view).toList();
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover chunk directory in a simulator's temp area is harmless.
        }
    }

    /** MESH message types. */
    static final class MessageTypes {
        static final String DATA = "DATA";
        static final String REPORT = "REPORT";

        private MessageTypes() {
        }
    }
}
