package io.holdfast.credentials.internal.vault;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.api.kernel.DownstreamSystem;
import io.holdfast.credentials.api.CredentialKind;
import java.util.Optional;

/**
 * How the auth providers (same bundle) read decrypted material: the version active now of a system's
 * entry. Registered as a service but not exported.
 */
public interface VaultReader {

    Optional<Unsealed> active(SlotKey slot);

    /** The active version of {@code kind} in the system's entry, if there is one. */
    default Optional<Unsealed> optional(DownstreamSystem system, CredentialKind kind) {
        return system.credentialRef().flatMap(ref -> active(new SlotKey(system.environment(), ref, kind)));
    }

    /** Like {@link #optional} but {@code CREDENTIAL_INVALID} naming the system, entry and how to fix it. */
    default Unsealed require(DownstreamSystem system, CredentialKind kind) {
        String ref = system.credentialRef().orElseThrow(() -> new HoldfastException(ErrorCode.CREDENTIAL_INVALID,
                "System '" + system.id() + "' has no credential ref, so no " + kind + " can be found for its "
                        + system.authPattern() + " auth; set one with holdfast:system-add --replace"));
        return optional(system, kind).orElseThrow(() -> new HoldfastException(ErrorCode.CREDENTIAL_INVALID,
                "System '" + system.id() + "' has no active " + kind + " in the " + system.environment() + " vault (entry '"
                        + ref + "'); import one with holdfast:cred-import --system " + system.id() + " --kind " + kind
                        + ", or activate a pending version with holdfast:cred-activate"));
    }
}
