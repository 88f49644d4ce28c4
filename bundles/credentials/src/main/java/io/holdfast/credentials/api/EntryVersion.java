package io.holdfast.credentials.api;

import io.holdfast.api.spi.CredentialIdentity;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of one kind of a vault entry, as shown by {@code holdfast:creds}: identity and
 * certificate facts only, never the secret.
 *
 * @param systems     inventory systems whose credential ref is this entry (in its environment)
 * @param activateAt  when it became or becomes active; empty while pending
 * @param certificates leaf first for KEY_PAIR; every anchor for TRUST_ANCHORS; empty for secrets
 */
public record EntryVersion(String environment, String entryId, CredentialKind kind, int version, State state,
                           Optional<Instant> activateAt, Instant importedAt, CredentialIdentity identity,
                           List<String> systems, List<CertificateFacts> certificates) {

    /** Where a version is in its life. */
    public enum State {
        /** Imported, waiting for an admin to activate it. */
        PENDING,
        /** Will become active at {@code activateAt}. */
        SCHEDULED,
        /** What providers use now. */
        ACTIVE,
        /** Was active; replaced by a later activation. */
        SUPERSEDED
    }

    public EntryVersion {
        Objects.requireNonNull(environment);
        Objects.requireNonNull(entryId);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(state);
        activateAt = activateAt == null ? Optional.empty() : activateAt;
        Objects.requireNonNull(importedAt);
        Objects.requireNonNull(identity);
        systems = List.copyOf(systems);
        certificates = List.copyOf(certificates);
    }

    /** {@code int/spine-int KEY_PAIR v2}. */
    public String label() {
        return environment + "/" + entryId + " " + kind + " v" + version;
    }
}
