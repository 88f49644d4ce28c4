package io.holdfast.api.spi;

/**
 * Sends encoded payloads to downstream systems of one transport type. Register as an OSGi
 * service with property {@code holdfast.transport} = the transport name (see
 * {@link io.holdfast.api.kernel.Transports}). Implementations never throw for a failed delivery:
 * they return {@link DeliveryResult.Transient} or {@link DeliveryResult.Permanent}.
 */
@org.osgi.annotation.versioning.ConsumerType
public interface OutboundTransport {

    /** The transport this service implements, e.g. {@code MLLP}. */
    String transport();

    DeliveryResult deliver(OutboundRequest request);

    /**
     * The identity a delivery is really sent as, when the transport holds its own credentials rather
     * than the target's auth provider (MESH: the sending mailbox id and its TLS client certificate's
     * fingerprint, where the target's auth pattern is NONE). The dispatcher journals it on the SENT
     * stage instead of the provider's identity.
     *
     * @since 1.2
     */
    default java.util.Optional<CredentialIdentity> senderIdentity(OutboundRequest request) {
        return java.util.Optional.empty();
    }

    /** For transports whose outcome arrives later: current state of an {@link DeliveryResult.Accepted} delivery. */
    default DeliveryResult track(OutboundRequest request, String trackingId) {
        return new DeliveryResult.Acknowledged("tracking not supported by " + transport(), java.util.Optional.empty());
    }
}
