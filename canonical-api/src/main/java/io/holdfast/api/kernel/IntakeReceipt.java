package io.holdfast.api.kernel;

import java.util.List;

/**
 * Proof that Intake made a message durable: the journal id, and per event the idempotency outcome
 * and targets. A connector acknowledges to its sender only after it has this.
 *
 * @param rejected true if the message was journaled as REJECTED (the connector answers negatively)
 */
@org.osgi.annotation.versioning.ProviderType
public record IntakeReceipt(long journalId, boolean rejected, List<EventOutcome> events) {
    public IntakeReceipt {
        events = List.copyOf(events);
    }

    /** True if every event was a duplicate of one already held (a sender retry). */
    public boolean allDuplicates() {
        return !events.isEmpty() && events.stream().allMatch(e -> e.claim() == ClaimOutcome.DUPLICATE);
    }
}
