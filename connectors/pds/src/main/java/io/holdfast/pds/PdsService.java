package io.holdfast.pds;

import io.holdfast.api.model.NhsNumber;

/**
 * NHS England's Personal Demographics Service, as one inventory system (PID {@code io.holdfast.pds}, key
 * {@code systemId}). Every call is rate limited client-side (one token bucket per PDS application in this JVM),
 * journaled with the credential identity before it returns, and carries one {@code X-Request-ID} for all its retries.
 * Implementations never throw for what PDS answers; they return a typed result.
 */
@org.osgi.annotation.versioning.ProviderType
public interface PdsService {

    /** {@code GET /Patient/{nhsNumber}} (application-restricted); a cached unrestricted record when the cache is on. */
    RetrieveResult retrieve(NhsNumber nhsNumber, CallContext context);

    default RetrieveResult retrieve(NhsNumber nhsNumber) {
        return retrieve(nhsNumber, CallContext.none());
    }

    /** {@code GET /Patient?...}: candidates best first with their scores. */
    TraceResult trace(TraceQuery query, CallContext context);

    default TraceResult trace(TraceQuery query) {
        return trace(query, CallContext.none());
    }

    /**
     * {@code PATCH /Patient/{nhsNumber}} with {@code If-Match: W/"version"}, user-restricted: the signed-in user's
     * CIS2 ID token is exchanged for an access token (not yet tried against live CIS2).
     */
    UpdateResult update(UpdateRequest request, CallContext context);
}
