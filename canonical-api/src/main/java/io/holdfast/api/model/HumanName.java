package io.holdfast.api.model;

import java.util.List;
import java.util.Optional;

/** A person's name. {@code use} follows FHIR (usual, official, nickname, old, maiden...). */
@org.osgi.annotation.versioning.ProviderType
public record HumanName(String family, List<String> given, Optional<String> prefix, Optional<String> use) {
    public HumanName {
        family = family == null ? "" : family;
        given = given == null ? List.of() : List.copyOf(given);
        prefix = prefix == null ? Optional.empty() : prefix;
        use = use == null ? Optional.empty() : use;
    }

    public static HumanName of(String family, String... given) {
        return new HumanName(family, List.of(given), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "HumanName[***]";
    }
}
