package io.holdfast.pds;

/** The answer to {@link PdsService#update}. */
@org.osgi.annotation.versioning.ProviderType
public sealed interface UpdateResult {

    /** The patch applied; the record at its new version. */
    record Updated(PdsRecord record) implements UpdateResult {
    }

    /** 409 RESOURCE_VERSION_MISMATCH: someone changed the record since {@code expectedVersion}; retrieve and redo. */
    record VersionMismatch(int expectedVersion) implements UpdateResult {
    }

    /** PDS refused the update (INVALID_UPDATE, INVALID_VALUE, PRECONDITION_FAILED, ACCESS_DENIED...). */
    record Refused(int status, String code, String reason) implements UpdateResult {
    }

    record NotFound() implements UpdateResult {
    }

    record Invalidated() implements UpdateResult {
    }

    record InvalidNumber(String reason) implements UpdateResult {
    }

    record Failed(CallFailure failure) implements UpdateResult {
    }
}
