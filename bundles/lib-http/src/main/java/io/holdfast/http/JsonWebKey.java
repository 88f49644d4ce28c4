package io.holdfast.http;

import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;

/** One public key of a JWKS: its {@code kid}, its {@code alg} if the set names one, and the key. */
@org.osgi.annotation.versioning.ProviderType
public record JsonWebKey(Optional<String> kid, Optional<String> alg, PublicKey key) {
    public JsonWebKey {
        kid = kid == null ? Optional.empty() : kid;
        alg = alg == null ? Optional.empty() : alg;
        Objects.requireNonNull(key, "key");
    }
}
