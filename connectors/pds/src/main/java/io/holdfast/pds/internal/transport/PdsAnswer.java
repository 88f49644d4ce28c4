package io.holdfast.pds.internal.transport;

import io.holdfast.api.spi.CredentialIdentity;
import io.holdfast.pds.CallFailure;
import java.util.Optional;

/** What one logical request came to, after its retries. */
public sealed interface PdsAnswer {

    int attempts();

    Optional<CredentialIdentity> identity();

    /** PDS answered (the last answer, if retries ran out on 429/5xx). */
    record Answered(int status, Optional<String> etag, Optional<java.time.Duration> retryAfter, byte[] body, int attempts,
                    Optional<CredentialIdentity> identity) implements PdsAnswer {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** No usable answer: unreachable, timed out, too large, refused credentials, no rate-limit slot, interrupted. */
    record Unanswered(CallFailure failure, int attempts, Optional<CredentialIdentity> identity) implements PdsAnswer {
    }
}
