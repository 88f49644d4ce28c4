package io.holdfast.api.event;

import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Cancels an earlier event (HL7v2 A11 cancel admit, A12 cancel transfer, A13 cancel discharge;
 * referral or appointment cancellations). Refers to the cancelled event by its key. Key:
 * type {@code Cancellation}, the cancelled key's system, and cancelled type | cancelled value.
 */
@org.osgi.annotation.versioning.ProviderType
public record Cancellation(EventKey cancelled, Patient patient, Optional<String> reason,
                           @DigestExcluded Optional<Instant> occurredAt) implements PatientEvent {
    public static final String TYPE = "Cancellation";

    public Cancellation {
        Objects.requireNonNull(cancelled, "cancelled");
        Objects.requireNonNull(patient, "patient");
        reason = reason == null ? Optional.empty() : reason;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        return new EventKey(TYPE, cancelled.system(), cancelled.eventType() + "|" + cancelled.value());
    }
}
