package io.holdfast.credentials.internal.pki;

import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialImportException.Reason;
import io.holdfast.credentials.internal.material.Certificates;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Refuses expired certificates at import, and notes those close to expiry or not yet valid. */
final class Validity {
    private static final long WARN_DAYS = 90;
    private final Clock clock;

    Validity(Clock clock) {
        this.clock = clock;
    }

    void requireCurrent(List<X509Certificate> certificates, List<String> notes) {
        Instant now = clock.instant();
        for (X509Certificate cert : certificates) {
            Instant notAfter = cert.getNotAfter().toInstant();
            if (!now.isBefore(notAfter)) {
                throw new CredentialImportException(Reason.NOT_VALID_NOW, "certificate " + Certificates.describe(cert)
                        + " expired at " + notAfter + "; import a renewed certificate");
            }
            long days = Duration.between(now, notAfter).toDays();
            if (days <= WARN_DAYS) {
                notes.add("certificate " + Certificates.describe(cert) + " expires in " + days + " days (" + notAfter + ")");
            }
            Instant notBefore = cert.getNotBefore().toInstant();
            if (now.isBefore(notBefore)) {
                notes.add("certificate " + Certificates.describe(cert) + " is not valid before " + notBefore
                        + "; providers refuse it until then, so schedule its activation after that");
            }
        }
    }
}
