package io.holdfast.credentials.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Administration of the credential vault (shell, REST). Imports are all-or-nothing: a bad file, a
 * wrong passphrase, a key that does not match its certificate or an unknown system fails with a typed
 * error and stores nothing.
 */
public interface VaultAdmin {

    /**
     * Parses, checks and stores a new version.
     *
     * @throws CredentialImportException {@code CREDENTIAL_INVALID} with a {@link CredentialImportException.Reason}
     * @throws io.holdfast.api.error.HoldfastException {@code UNKNOWN_SYSTEM} for an unknown system id
     */
    ImportResult importCredential(ImportRequest request);

    /**
     * Makes {@code version} the active one now ({@code at} empty or past) or at {@code at}. The
     * previously active version stays in use until then. Refuses expired material.
     *
     * @param kind may be empty when the entry holds one kind only
     */
    EntryVersion activate(CredentialTarget target, Optional<CredentialKind> kind, int version, Optional<Instant> at);

    /** Every version, optionally of one environment, ordered by environment, entry, kind, version. */
    List<EntryVersion> versions(Optional<String> environment);

    /** The versions of one target (all kinds). */
    List<EntryVersion> versions(CredentialTarget target);

    /** The environments a vault exists for (from the inventory configuration). */
    List<String> environments();

    /** What an import stored, plus notes worth showing (e.g. "expires in 20 days"). */
    record ImportResult(EntryVersion version, List<String> notes) {
        public ImportResult {
            notes = List.copyOf(notes);
        }
    }
}
