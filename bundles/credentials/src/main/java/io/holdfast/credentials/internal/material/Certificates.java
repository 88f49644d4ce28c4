package io.holdfast.credentials.internal.material;

import io.holdfast.credentials.api.CertificateFacts;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/** Public facts of certificates: names, serial, validity, SHA-256 fingerprint. */
public final class Certificates {

    private Certificates() {
    }

    public static CertificateFacts facts(X509Certificate cert) {
        return new CertificateFacts(cert.getSubjectX500Principal().getName(X500Principal.RFC2253),
                cert.getIssuerX500Principal().getName(X500Principal.RFC2253),
                cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT),
                cert.getNotBefore().toInstant(), cert.getNotAfter().toInstant(), fingerprint(cert));
    }

    /** Lowercase hex SHA-256 of the DER encoding. */
    public static String fingerprint(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Re-reads a certificate through the JDK provider, whatever provider produced it. */
    public static X509Certificate jdk(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
    }

    /** {@code CN=x (serial 1A2B)}: how errors and logs name a certificate. */
    public static String describe(X509Certificate cert) {
        return "'" + cert.getSubjectX500Principal().getName(X500Principal.RFC2253) + "' (serial "
                + cert.getSerialNumber().toString(16).toUpperCase(Locale.ROOT) + ")";
    }
}
