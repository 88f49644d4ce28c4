package io.holdfast.api.event;

import io.holdfast.api.model.Patient;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Transfer between locations (HL7v2 A02). A visit has many transfers, so the key is the visit key
 * plus the transfer time: a re-sent transfer is a duplicate, a later transfer is a new event.
 */
@org.osgi.annotation.versioning.ProviderType
public record Transfer(Patient patient, Visit visit, Optional<String> fromLocation, Instant transferredAt,
                       @DigestExcluded Optional<Instant> occurredAt) implements VisitEvent {
    public static final String TYPE = "Transfer";

    public Transfer {
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(visit, "visit");
        Objects.requireNonNull(transferredAt, "transferredAt");
        fromLocation = fromLocation == null ? Optional.empty() : fromLocation;
        occurredAt = occurredAt == null ? Optional.empty() : occurredAt;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public EventKey key() {
        EventKey visitKey = VisitEvent.visitKey(TYPE, visit, patient);
        return new EventKey(TYPE, KeySystems.VISIT, visitKey.value() + "|" + transferredAt);
    }
}
