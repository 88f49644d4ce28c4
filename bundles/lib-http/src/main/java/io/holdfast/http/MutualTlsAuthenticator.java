package io.holdfast.http;

import io.holdfast.api.spi.CredentialIdentity;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.security.auth.x500.X500Principal;

/**
 * Mutual TLS: the listener's TLS handshake already verified the client certificate against the trust
 * anchors of its vault entry (and refused untrusted ones); this checks a certificate was presented
 * and, when an allow-list is given, that its subject DN or SHA-256 fingerprint is on it. The identity
 * is the subject DN with the fingerprint.
 */
public final class MutualTlsAuthenticator implements RequestAuthenticator {
    private static final String CHALLENGE = "TLS-client-certificate";
    private final Set<String> allowed;

    /**
     * @param allowed subject DNs (RFC 2253, e.g. {@code CN=pas,O=Trust}) or SHA-256 fingerprints (hex,
     *                colons optional); empty allows every certificate the listener trusts
     * @throws IllegalArgumentException if an entry is neither a fingerprint nor a distinguished name
     */
    public MutualTlsAuthenticator(Set<String> allowed) {
        this.allowed = allowed.stream().map(MutualTlsAuthenticator::normalise).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public AuthOutcome authenticate(HttpCall call) {
        if (call.peerCertificates().isEmpty()) {
            return new AuthOutcome.Denied("no client certificate (mutual TLS required)", CHALLENGE);
        }
        X509Certificate leaf = call.peerCertificates().get(0);
        String subject = leaf.getSubjectX500Principal().getName();
        String fingerprint = fingerprint(leaf);
        if (!allowed.isEmpty() && !allowed.contains(leaf.getSubjectX500Principal().getName(X500Principal.CANONICAL))
                && !allowed.contains(fingerprint)) {
            return new AuthOutcome.Denied("client certificate sha256:" + fingerprint + " is not on the endpoint's allow-list", CHALLENGE);
        }
        return new AuthOutcome.Authenticated(new CredentialIdentity(subject, 0, Optional.of(fingerprint), Optional.empty()));
    }

    /** SHA-256 of the DER encoding, lower-case hex without separators. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint certificate", e);
        }
    }

    private static String normalise(String subjectOrFingerprint) {
        String s = subjectOrFingerprint.trim();
        String hex = s.replace(":", "").toLowerCase(Locale.ROOT);
        // a subject is compared in X.500 canonical form: spacing and attribute-name case do not matter
        return hex.matches("[0-9a-f]{64}") ? hex : new X500Principal(s).getName(X500Principal.CANONICAL);
    }
}
