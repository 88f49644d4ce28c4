package io.holdfast.api.event;

/**
 * Where an order stands after the message that carried it. Each status change of one order (same
 * {@link Order#key()}) has a new content digest, so it routes as an amendment of that order; a
 * resend of the same status is a duplicate. HL7 v2 senders express these with ORC-1 order control
 * (and ORC-5 order status for {@code SC}); the mapping is documented by the HL7 v2 codec.
 */
@org.osgi.annotation.versioning.ProviderType
public enum OrderStatus {
    /** A new order from the placer (HL7 NW) or one the filler created and numbered (SN). */
    REQUESTED,
    /** The filler accepted the order or assigned its number (OK, NA). */
    ACCEPTED,
    /** The filler could not accept the order (UA). */
    REJECTED,
    /** Booked for a date (ORC-5 SC). */
    SCHEDULED,
    /** Being worked on, or some results are available (ORC-5 IP, A). */
    IN_PROGRESS,
    /** The order's content changed, on request or unsolicited (XO, XR, XX). */
    REVISED,
    /** Held (HD, OH, HR; ORC-5 HD). */
    ON_HOLD,
    /** Released from hold (RL, OR, RR). */
    RELEASED,
    /** The placer asked for the order to be cancelled (CA); the filler has not confirmed it. */
    CANCEL_REQUESTED,
    /** Cancelled (CR, OC; ORC-5 CA). */
    CANCELLED,
    /** Discontinued: stopped after it started, e.g. a medication stopped (DC, OD, DR; ORC-5 DC). */
    DISCONTINUED,
    /** Replaced by another order (RP, RU; ORC-5 RP). */
    REPLACED,
    /** All work done (ORC-5 CM). */
    COMPLETED
}
