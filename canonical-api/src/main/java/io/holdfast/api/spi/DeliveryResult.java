package io.holdfast.api.spi;

import io.holdfast.api.message.Payload;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one delivery attempt, as the dispatcher needs it to journal and retry. */
@org.osgi.annotation.versioning.ProviderType
public sealed interface DeliveryResult
        permits DeliveryResult.Acknowledged, DeliveryResult.Accepted, DeliveryResult.Transient, DeliveryResult.Permanent {

    /** The downstream confirmed the effect (HL7 AA, HTTP 2xx with outcome, MESH acknowledged). */
    record Acknowledged(String summary, Optional<Payload> response) implements DeliveryResult {
        public Acknowledged {
            Objects.requireNonNull(summary);
            response = response == null ? Optional.empty() : response;
        }
    }

    /**
     * The downstream took the message but its final outcome comes later (MESH accepted, ebXML
     * awaiting acknowledgement): the dispatcher tracks {@code trackingId}.
     */
    record Accepted(String trackingId, String summary) implements DeliveryResult {
        public Accepted {
            Objects.requireNonNull(trackingId);
            Objects.requireNonNull(summary);
        }
    }

    /** Worth retrying (timeout, 429/5xx, AE where the route says retry); optional server-given delay. */
    record Transient(String reason, Optional<Duration> retryAfter) implements DeliveryResult {
        public Transient {
            Objects.requireNonNull(reason);
            retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
        }
    }

    /** Will never succeed as sent (AR, 4xx validation error): goes to dead letter with the reason. */
    record Permanent(String reason, Optional<Payload> response) implements DeliveryResult {
        public Permanent {
            Objects.requireNonNull(reason);
            response = response == null ? Optional.empty() : response;
        }
    }
}
