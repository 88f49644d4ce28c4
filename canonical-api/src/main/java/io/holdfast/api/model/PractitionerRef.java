package io.holdfast.api.model;

import java.util.Optional;

/** A clinician: an identifier (GMC, NMC, SDS user id or local code) and an optional display name. */
@org.osgi.annotation.versioning.ProviderType
public record PractitionerRef(Identifier identifier, Optional<String> display) {
    public PractitionerRef {
        java.util.Objects.requireNonNull(identifier, "identifier");
        display = display == null ? Optional.empty() : display;
    }
}
