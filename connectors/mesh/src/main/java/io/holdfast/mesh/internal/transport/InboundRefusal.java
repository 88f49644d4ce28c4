package io.holdfast.mesh.internal.transport;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;

/**
 * A message this mailbox will not take in as it stands, by a configured limit or for want of disk
 * space: it stays in the inbox unacknowledged (MESH reports it to the sender if it is never
 * collected) and an alert says why. The text holds ids, sizes and config keys only, never content.
 */
public final class InboundRefusal extends HoldfastException {
    private static final long serialVersionUID = 1L;

    /** Which limit refused the message; {@link #DISK_SPACE} refuses every download until space is freed. */
    public enum Kind {
        TOO_LARGE("maxMessageBytes"), TOO_MANY_CHUNKS("maxChunks"), GZIP_RATIO("maxGzipRatio"), DISK_SPACE("minFreeDiskBytes");

        private final String configKey;

        Kind(String configKey) {
            this.configKey = configKey;
        }

        public String configKey() {
            return configKey;
        }
    }

    private final Kind kind;
    private final String messageId;

    public InboundRefusal(Kind kind, String messageId, String detail) {
        super(ErrorCode.INTAKE_REFUSED, "MESH message " + messageId + " not collected: " + detail + " (config key " + kind.configKey()
                + "); it stays in the inbox unacknowledged");
        this.kind = kind;
        this.messageId = messageId;
    }

    public Kind kind() {
        return kind;
    }

    public String messageId() {
        return messageId;
    }
}
