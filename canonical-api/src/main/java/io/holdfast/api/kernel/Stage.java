package io.holdfast.api.kernel;

/** Journal stages of a message's life. */
@org.osgi.annotation.versioning.ProviderType
public enum Stage {
    RECEIVED, TRANSFORMED, ROUTED, SENT, RESPONSE, ACKED, REJECTED, DEAD_LETTER;

    /** Stages after which nothing more happens for that message (and target). */
    public boolean terminal() {
        return this == ACKED || this == REJECTED || this == DEAD_LETTER;
    }
}
