package io.holdfast.credentials.api;

import java.util.Objects;

/** Where a credential goes: the vault entry of an inventory system, or an explicit environment + entry id. */
public sealed interface CredentialTarget permits CredentialTarget.OfSystem, CredentialTarget.Entry {

    static CredentialTarget system(String systemId) {
        return new OfSystem(systemId);
    }

    static CredentialTarget entry(String environment, String entryId) {
        return new Entry(environment, entryId);
    }

    /** The system's environment and credential ref; an unknown system is {@code UNKNOWN_SYSTEM}. */
    record OfSystem(String systemId) implements CredentialTarget {
        public OfSystem {
            Objects.requireNonNull(systemId, "systemId");
        }
    }

    /** An entry not (or not only) tied to one system, e.g. trust anchors shared by several. */
    record Entry(String environment, String entryId) implements CredentialTarget {
        public Entry {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(entryId, "entryId");
        }
    }
}
