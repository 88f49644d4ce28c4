package io.holdfast.api.kernel;

import io.holdfast.api.message.WireFormat;
import io.holdfast.api.spi.AuthPattern;
import java.util.Objects;
import java.util.Optional;

/**
 * An inventory entry: a system Holdfast talks to, how (transport, format, endpoint) and how it
 * authenticates (pattern + credential reference into the vault). Routes refer to it by id.
 */
@org.osgi.annotation.versioning.ProviderType
public record DownstreamSystem(String id, String name, Optional<String> odsCode, String environment,
                               String transport, WireFormat format, String endpoint, AuthPattern authPattern,
                               Optional<String> credentialRef, Optional<String> ownerContact) {
    public DownstreamSystem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        odsCode = odsCode == null ? Optional.empty() : odsCode;
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(authPattern, "authPattern");
        credentialRef = credentialRef == null ? Optional.empty() : credentialRef;
        ownerContact = ownerContact == null ? Optional.empty() : ownerContact;
    }
}
