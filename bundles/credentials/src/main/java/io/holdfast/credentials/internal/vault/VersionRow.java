package io.holdfast.credentials.internal.vault;

import java.time.Instant;
import java.util.Optional;

/** A {@code credential_version} row without its sealed bytes. */
record VersionRow(VersionKey key, Optional<String> systemId, Optional<Instant> activateAt, Instant importedAt,
                  Optional<String> fingerprint, Optional<String> keyId) {
}
