package io.holdfast.api.spi;

import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.api.message.Payload;
import java.util.Map;
import java.util.Objects;

/**
 * One delivery attempt to a downstream system.
 *
 * @param requestId deterministic id derived from (natural key, content digest, target): the same on
 *                  every retry, so the downstream can dedupe (X-Request-ID, MESH LocalID, ebXML MessageId)
 * @param attempt   1 for the first attempt
 * @param target    the inventory entry: endpoint, transport, format, auth pattern
 * @param body      the encoded payload
 * @param headers   transport headers the encoder wants set (content type, workflow id...)
 * @param auth      credentials obtained from the target's {@link AuthProvider}
 */
@org.osgi.annotation.versioning.ProviderType
public record OutboundRequest(String requestId, int attempt, DownstreamSystem target, Payload body,
                              Map<String, String> headers, AuthMaterial auth) {
    public OutboundRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(body, "body");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        Objects.requireNonNull(auth, "auth");
    }
}
