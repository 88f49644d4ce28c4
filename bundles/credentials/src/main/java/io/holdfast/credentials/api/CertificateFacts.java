package io.holdfast.credentials.api;

import java.time.Instant;
import java.util.Objects;

/** Public facts of an X.509 certificate held in the vault. {@code fingerprint} is the hex SHA-256 of its DER form. */
public record CertificateFacts(String subject, String issuer, String serial, Instant notBefore, Instant notAfter,
                               String fingerprint) {
    public CertificateFacts {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(issuer);
        Objects.requireNonNull(serial);
        Objects.requireNonNull(notBefore);
        Objects.requireNonNull(notAfter);
        Objects.requireNonNull(fingerprint);
    }
}
