package io.holdfast.ers.internal.transport;

import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.ers.CallFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * What one logical request came to after its retries. {@code uncertain}: an earlier attempt ended without a clear
 * answer (timeout, broken connection, 5xx), so e-RS may already have applied the request.
 */
public sealed interface ErsAnswer {

    int attempts();

    Optional<CredentialIdentity> identity();

    boolean uncertain();

    record Answered(int status, Optional<String> etag, Optional<String> contentType, Optional<Duration> retryAfter, byte[] body,
                    int attempts, Optional<CredentialIdentity> identity, boolean uncertain) implements ErsAnswer {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    record Unanswered(CallFailure failure, Optional<Duration> retryAfter, int attempts, Optional<CredentialIdentity> identity,
                      boolean uncertain) implements ErsAnswer {
    }
}
