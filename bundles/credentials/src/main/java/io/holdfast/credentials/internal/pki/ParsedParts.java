package io.holdfast.credentials.internal.pki;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/** What the files of one import contained, converted to JDK key and certificate objects. */
final class ParsedParts {
    final List<PrivateKey> keys = new ArrayList<>();
    final List<X509Certificate> certificates = new ArrayList<>();
    final List<PublicKey> publicKeys = new ArrayList<>();
    final List<String> ignored = new ArrayList<>();

    /** Adds a certificate unless the same one is already there (a PKCS#12 may list a CA twice). */
    void addCertificate(X509Certificate certificate) {
        if (!certificates.contains(certificate)) {
            certificates.add(certificate);
        }
    }

    @Override
    public String toString() {
        return "ParsedParts[" + keys.size() + " keys, " + certificates.size() + " certificates]";
    }
}
