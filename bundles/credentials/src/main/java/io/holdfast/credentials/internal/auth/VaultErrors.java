package io.holdfast.credentials.internal.auth;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.credentials.api.CredentialKind;

/** Errors for material missing from the vault, saying how to fix it. */
final class VaultErrors {

    private VaultErrors() {
    }

    static HoldfastException missing(String user, String environment, String entryId, CredentialKind kind) {
        return new HoldfastException(ErrorCode.CREDENTIAL_INVALID, user + " has no active " + kind + " in the " + environment
                + " vault; import one with holdfast:cred-import --env " + environment + " --entry " + entryId + " --kind " + kind);
    }
}
