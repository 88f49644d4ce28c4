package io.holdfast.pds;

import io.holdfast.api.model.NhsNumber;
import java.util.List;
import java.util.Objects;

/**
 * A PDS update: the patch, the version it was made against ({@code If-Match: W/"expectedVersion"}), and the
 * signed-in user's CIS2 ID token (exchanged for a user-restricted access token; never logged or journaled).
 */
@org.osgi.annotation.versioning.ProviderType
public record UpdateRequest(NhsNumber nhsNumber, List<PatchOperation> patches, int expectedVersion, String cis2IdToken) {
    public UpdateRequest {
        Objects.requireNonNull(nhsNumber, "nhsNumber");
        patches = List.copyOf(patches);
        if (patches.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one patch operation");
        }
        if (expectedVersion < 1) {
            throw new IllegalArgumentException("expectedVersion must be >= 1 (the version retrieved)");
        }
        Objects.requireNonNull(cis2IdToken, "cis2IdToken");
    }

    @Override
    public String toString() {
        return "UpdateRequest[" + patches.size() + " ops, v" + expectedVersion + "]";
    }
}
