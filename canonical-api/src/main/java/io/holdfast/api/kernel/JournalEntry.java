package io.holdfast.api.kernel;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A journaled message: envelope data, the event it decoded to (type, natural-key digest, claim
 * outcome), where its raw payload is, and its stages in chain order.
 */
@org.osgi.annotation.versioning.ProviderType
public record JournalEntry(long id, String messageId, String sourceSystem, String channel, Instant receivedAt,
                           String wireFormat, Optional<String> eventType, Optional<String> keyDigest,
                           Optional<ClaimOutcome> claim, Optional<PayloadInfo> payload, List<StageEntry> stages) {
    public JournalEntry {
        stages = List.copyOf(stages);
    }

    /** The last stage, which tells whether the message is still in flight. */
    public Optional<StageEntry> lastStage() {
        return stages.isEmpty() ? Optional.empty() : Optional.of(stages.get(stages.size() - 1));
    }
}
