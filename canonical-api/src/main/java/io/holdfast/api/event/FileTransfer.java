package io.holdfast.api.event;

import io.holdfast.api.model.Identifier;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A file moved as one transport unit (a MESH message, an SFTP file), opaque to the kernel. Key:
 * {@code urn:holdfast:transport:<transport>} and the transport's message id; the content digest
 * covers the SHA-256 of the content, so the same id with other content is an amendment to flag.
 * Codecs that understand the content add the clinical events inside it with their own keys.
 * {@code attributes} carries transport metadata (e.g. MESH sender, recipient, workflow id,
 * subject, local id, file name).
 */
@org.osgi.annotation.versioning.ProviderType
public record FileTransfer(String transport, String transportMessageId, Optional<String> fileName,
                           String contentSha256, long size, Map<String, String> attributes,
                           @DigestExcluded Optional<Instant> occurredAt) implements ClinicalEvent {
    public static final String TYPE = "FileTransfer";

    public FileTransfer {
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(transportMessageId, "transportMessageId");
        Objects.requireNonNull(contentSha256, "contentSha256");
        fileName = fileName == null ? Optional.empty() : fileName;
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return new EventKey(TYPE, KeySystems.TRANSPORT_PREFIX + transport, transportMessageId);
    }

    @Override
    public Optional<Identifier> subject() {
        return Optional.empty();
    }
}
