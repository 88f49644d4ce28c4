package io.holdfast.pds;

import io.holdfast.api.model.NhsNumber;
import java.util.Objects;

/** The answer to {@link PdsService#retrieve}. */
@org.osgi.annotation.versioning.ProviderType
public sealed interface RetrieveResult {

    /** The record of the number asked for. */
    record Found(PdsRecord record, boolean fromCache) implements RetrieveResult {
        public Found {
            Objects.requireNonNull(record, "record");
        }
    }

    /** The number asked for was merged into {@code current}: PDS returned the replacement's record (both journaled). */
    record Superseded(NhsNumber requested, NhsNumber current, PdsRecord record) implements RetrieveResult {
        public Superseded {
            Objects.requireNonNull(requested, "requested");
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(record, "record");
        }
    }

    /** 404 INVALIDATED_RESOURCE: the number was withdrawn and must not be used. */
    record Invalidated(NhsNumber requested) implements RetrieveResult {
    }

    /** 404 RESOURCE_NOT_FOUND. */
    record NotFound(NhsNumber requested) implements RetrieveResult {
    }

    /** 400 INVALID_RESOURCE_ID, or a number that fails the Modulus 11 check before any call. */
    record InvalidNumber(String reason) implements RetrieveResult {
    }

    record Failed(CallFailure failure) implements RetrieveResult {
    }
}
