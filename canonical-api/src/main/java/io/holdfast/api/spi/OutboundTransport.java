package io.holdfast.api.spi;

/**
 * Sends encoded payloads to downstream systems of one transport type. Register as an OSGi
 * service with property {@code holdfast.transport} = the transport name (see
 * {@link io.holdfast.api.kernel.Transports}). Implementations never throw for a failed delivery:
 * they return {@link DeliveryResult.Transient} or {@link DeliveryResult.Permanent}.
 */
public interface OutboundTransport {

    /** The transport this service implements, e.g. {@code MLLP}. */
    String transport();

    DeliveryResult deliver(OutboundRequest request);

    /** For transports whose outcome arrives later: current state of an {@link DeliveryResult.Accepted} delivery. */
    default DeliveryResult track(OutboundRequest request, String trackingId) {
        return new DeliveryResult.Acknowledged("tracking not supported by " + transport(), java.util.Optional.empty());
    }
}
