package io.holdfast.api.kernel;

import java.time.Instant;
import java.util.Optional;

/** What the idempotency store holds for one natural key. */
@org.osgi.annotation.versioning.ProviderType
public record ClaimRecord(String keyDigest, String eventType, String contentDigest, Optional<Instant> occurredAt,
                          String firstMessageId, String lastMessageId, int amendments, Instant firstSeen,
                          Instant lastSeen) {
}
