package io.holdfast.api.model;

import java.util.List;
import java.util.Optional;

/** A postal address; lines in order, postcode separately (PDS searches by postcode). */
@org.osgi.annotation.versioning.ProviderType
public record Address(List<String> lines, Optional<String> city, Optional<String> postcode, Optional<String> use) {
    public Address {
        lines = lines == null ? List.of() : List.copyOf(lines);
        city = city == null ? Optional.empty() : city;
        postcode = postcode == null ? Optional.empty() : postcode;
        use = use == null ? Optional.empty() : use;
    }

    @Override
    public String toString() {
        return "Address[***]";
    }
}
