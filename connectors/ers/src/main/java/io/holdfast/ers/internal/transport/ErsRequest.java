package io.holdfast.ers.internal.transport;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One logical e-RS request. Its {@code X-Request-ID} is chosen once (a UUID; for a routed delivery derived from the
 * outbox row's request id, so it survives a restart) and sent again on every retry: the API platform and e-RS can
 * recognise the retry of a request whose first answer was lost.
 *
 * @param path        below the API base, e.g. {@code /STU3/ReferralRequest/000000070000/$ers.acceptReferral}
 * @param journalText what the journal shows of the request (operation and UBRN, never a body)
 * @param roleHeaders the e-RS role headers of a user-restricted call (empty for application-restricted: the spec forbids them there)
 */
public record ErsRequest(String method, String path, String journalText, String requestId, Optional<String> correlationId,
                         Map<String, String> roleHeaders, Optional<String> ifMatch, Optional<byte[]> body) {
    public ErsRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(journalText, "journalText");
        Objects.requireNonNull(requestId, "requestId");
        correlationId = correlationId == null ? Optional.empty() : correlationId;
        roleHeaders = roleHeaders == null ? Map.of() : Map.copyOf(roleHeaders);
        ifMatch = ifMatch == null ? Optional.empty() : ifMatch;
        body = body == null ? Optional.empty() : body;
    }
}
