package io.holdfast.api.kernel;

import java.time.Instant;
import java.util.Optional;

/** One stored journal stage row. */
@org.osgi.annotation.versioning.ProviderType
public record StageEntry(long sequence, Stage stage, Instant at, String systemId, Optional<String> credential,
                         String detail, Optional<PayloadInfo> payload) {
}
