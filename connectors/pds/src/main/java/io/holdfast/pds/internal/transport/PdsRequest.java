package io.holdfast.pds.internal.transport;

import java.util.Objects;
import java.util.Optional;

/**
 * One logical PDS request: its {@code X-Request-ID} stays the same on every retry (PDS dedupes on it), which is why it
 * is chosen once here and not per attempt.
 *
 * @param method      GET or PATCH
 * @param relative    path and query below the FHIR base, e.g. {@code /Patient/9000000009}
 * @param journalText what the journal shows of the request: the relative path, or for a search the criteria names
 * @param ifMatch     the {@code If-Match} value ({@code W/"n"}) of an update
 */
public record PdsRequest(String method, String relative, String journalText, String requestId, Optional<String> correlationId,
                         Optional<String> ifMatch, Optional<byte[]> body) {
    public PdsRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(relative, "relative");
        Objects.requireNonNull(journalText, "journalText");
        Objects.requireNonNull(requestId, "requestId");
        correlationId = correlationId == null ? Optional.empty() : correlationId;
        ifMatch = ifMatch == null ? Optional.empty() : ifMatch;
        body = body == null ? Optional.empty() : body;
    }

    public static PdsRequest get(String relative, String journalText, String requestId, Optional<String> correlationId) {
        return new PdsRequest("GET", relative, journalText, requestId, correlationId, Optional.empty(), Optional.empty());
    }
}
