package io.holdfast.api.message;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Transport metadata of one inbound message, built by the connector before decoding.
 *
 * @param messageId     the transport's message id (MSH-10, MESH message id, X-Request-ID)
 * @param correlationId a correlation id when the transport has one
 * @param sourceSystem  inventory id of the sending system, or the listener/mailbox name
 * @param channel       which Holdfast endpoint received it (e.g. {@code mllp:adt-feed})
 * @param receivedAt    when Holdfast read the last byte
 * @param wireFormat    format of the payload
 * @param attributes    transport attributes safe to journal in clear (no PHI, no secrets)
 */
@org.osgi.annotation.versioning.ProviderType
public record Envelope(String messageId, Optional<String> correlationId, String sourceSystem, String channel,
                       Instant receivedAt, WireFormat wireFormat, Map<String, String> attributes) {

    /**
     * Attribute naming the identity the sender authenticated as (mutual-TLS subject or fingerprint, bearer token
     * subject, API key name, a poller's mailbox credential as {@code CredentialIdentity.describe()}); never a
     * secret. The journal keeps it on the RECEIVED stage as the message's credential identity.
     *
     * @since 1.2
     */
    public static final String ATTR_AUTH_IDENTITY = "auth.identity";

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        correlationId = correlationId == null ? Optional.empty() : correlationId;
        Objects.requireNonNull(sourceSystem, "sourceSystem");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(wireFormat, "wireFormat");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public static Envelope of(String messageId, String sourceSystem, String channel, WireFormat format) {
        return new Envelope(messageId, Optional.empty(), sourceSystem, channel, Instant.now(), format, Map.of());
    }
}
