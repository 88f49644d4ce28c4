package io.holdfast.api.event;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;

/**
 * The natural clinical identity of an event: event type, identifier system and natural
 * identifier. Idempotency is keyed on this, never on transport message ids. Each well-known event
 * type documents how it builds its key.
 */
@org.osgi.annotation.versioning.ProviderType
public record EventKey(String eventType, String system, String value) {
    public EventKey {
        require(eventType, "eventType");
        require(system, "system");
        require(value, "value");
    }

    private static void require(String v, String name) {
        if (v == null || v.isBlank()) {
            throw new HoldfastException(ErrorCode.INVALID_EVENT, "event key " + name + " is required");
        }
    }

    /** {@code eventType|system|value}: a stable text form, the input to keyed digests. */
    public String token() {
        return eventType + "|" + system + "|" + value;
    }

    @Override
    public String toString() {
        // The value may hold an NHS number or MRN.
        return "EventKey[" + eventType + "|" + system + "|***]";
    }
}
