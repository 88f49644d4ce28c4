package io.holdfast.api.kernel;

/** What {@link Idempotency#claim} found for an event's natural key. */
@org.osgi.annotation.versioning.ProviderType
public enum ClaimOutcome {
    /** First time this key is seen: route it. */
    NEW,
    /** Same key and same content digest: a sender retry. Acknowledge, route nothing. */
    DUPLICATE,
    /** Same key, new content, not older than what is held: route as an update. */
    AMENDMENT,
    /** Same key, new content, but older (by event time) than what is held: flag, do not apply over newer data. */
    STALE;

    /** True when the event should be routed. */
    public boolean routable() {
        return this == NEW || this == AMENDMENT;
    }
}
