package io.holdfast.api.kernel;

import io.holdfast.api.event.ClinicalEvent;
import io.holdfast.api.event.EventKey;
import java.util.Optional;

/**
 * Clinical-event idempotency keyed on natural identity ({@link EventKey}) and content digest.
 * Persistent and safe under concurrency (unique key in the store). Inbound connectors do not call
 * it directly: {@link Intake} claims inside its batch transaction.
 */
@org.osgi.annotation.versioning.ProviderType
public interface Idempotency {

    /** Claims the event's key in its own transaction. */
    ClaimOutcome claim(ClinicalEvent event, String messageId);

    Optional<ClaimRecord> find(EventKey key);

    long count();
}
