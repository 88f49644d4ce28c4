package io.holdfast.routing.internal.outbox;

import java.time.Instant;
import java.util.Optional;

/**
 * One scheduled delivery of one message event (or, for passthrough, the raw message) to one target.
 *
 * @param kind       EVENT (encode the canonical event for the target) or RAW (send the journaled bytes)
 * @param requestId  deterministic from (key digest, content digest, target): see {@link RequestIds}
 * @param attempts   delivery attempts made, including a claimed one in progress
 */
public record OutboxRow(long id, long journalId, String kind, String routeId, String target, String keyDigest,
                        String contentDigest, Optional<String> orderingKey, String requestId, OutboxState state,
                        int attempts, Instant createdAt, Instant nextAttemptAt, Optional<String> leaseOwner,
                        Optional<String> trackingId, Optional<String> lastError) {
    public static final String EVENT = "EVENT";
    public static final String RAW = "RAW";

    public boolean raw() {
        return RAW.equals(kind);
    }
}
