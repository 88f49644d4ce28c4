package io.holdfast.api.message;

import io.holdfast.api.event.ClinicalEvent;
import java.util.List;
import java.util.Objects;

/**
 * What a codec made of an inbound message. Whatever the outcome, Intake keeps and journals the
 * raw payload; nothing is dropped.
 */
@org.osgi.annotation.versioning.ProviderType
public sealed interface DecodeResult permits DecodeResult.Decoded, DecodeResult.Rejected, DecodeResult.Unmapped {

    /** Decoded into one or more canonical events (an ORU may carry several results, an ESR file many records). */
    record Decoded(List<ClinicalEvent> events) implements DecodeResult {
        public Decoded {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("Decoded needs at least one event; use Unmapped for messages with none");
            }
        }
    }

    /**
     * Not decodable (malformed, invalid NHS number, missing required field). Journaled as
     * REJECTED with the raw bytes; the sender gets a negative acknowledgement after that commit.
     *
     * @param code   a short stable reason code, e.g. {@code NO_MSH}, {@code INVALID_NHS_NUMBER}
     * @param reason a human-readable reason that contains no PHI
     */
    record Rejected(String code, String reason) implements DecodeResult {
        public Rejected {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Well-formed but of a type no codec maps (e.g. an HL7v2 trigger event Holdfast does not
     * model). Kept and journaled; routed only where a route asks for raw passthrough.
     */
    record Unmapped(String messageType) implements DecodeResult {
        public Unmapped {
            Objects.requireNonNull(messageType, "messageType");
        }
    }

    static DecodeResult decoded(ClinicalEvent... events) {
        return new Decoded(List.of(events));
    }

    static DecodeResult rejected(String code, String reason) {
        return new Rejected(code, reason);
    }
}
