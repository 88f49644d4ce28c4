package io.holdfast.credentials.internal.auth;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.credentials.internal.material.Certificates;
import io.holdfast.credentials.internal.vault.Unsealed;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;

/**
 * Refuses material whose certificates are not valid now, with an error that names the system, the
 * certificate and the vault version, and says what to do. Every provider calls it.
 */
final class MaterialGuard {
    private final Clock clock;

    MaterialGuard(Clock clock) {
        this.clock = clock;
    }

    /** @param user who needs it, e.g. {@code System 'spine-int'} */
    Unsealed requireUsable(String user, Unsealed material) {
        Instant now = clock.instant();
        for (X509Certificate cert : material.material().certificates()) {
            if (!now.isBefore(cert.getNotAfter().toInstant())) {
                throw new HoldfastException(ErrorCode.CREDENTIAL_EXPIRED, user + ": certificate " + Certificates.describe(cert)
                        + " of " + material.key() + " (" + material.identity().describe() + ") expired at "
                        + cert.getNotAfter().toInstant() + "; refusing to use it. Import a renewed certificate with"
                        + " holdfast:cred-import and activate it");
            }
            if (now.isBefore(cert.getNotBefore().toInstant())) {
                throw new HoldfastException(ErrorCode.CREDENTIAL_INVALID, user + ": certificate " + Certificates.describe(cert)
                        + " of " + material.key() + " is not valid before " + cert.getNotBefore().toInstant()
                        + "; activate the previous version until then");
            }
        }
        return material;
    }

    Instant now() {
        return clock.instant();
    }
}
