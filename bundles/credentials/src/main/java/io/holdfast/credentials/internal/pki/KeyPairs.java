package io.holdfast.credentials.internal.pki;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which certificate a private key belongs to, and the chain from it. */
final class KeyPairs {
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyPairs() {
    }

    /** True if a signature made with {@code key} verifies with {@code publicKey}: works for RSA, EC and EdDSA. */
    static boolean matches(PrivateKey key, PublicKey publicKey) {
        Optional<String> algorithm = signatureAlgorithm(key);
        if (algorithm.isEmpty() || !key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            return false;
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        try {
            Signature signer = Signature.getInstance(algorithm.get());
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm.get());
            verifier.initVerify(publicKey);
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static Optional<String> signatureAlgorithm(PrivateKey key) {
        return switch (key.getAlgorithm()) {
            case "RSA" -> Optional.of("SHA256withRSA");
            case "EC" -> Optional.of("SHA256withECDSA");
            case "Ed25519", "EdDSA" -> Optional.of("Ed25519");
            default -> Optional.empty();
        };
    }

    /** The certificate whose public key matches {@code key}, if any. */
    static Optional<X509Certificate> leafOf(PrivateKey key, List<X509Certificate> certificates) {
        return certificates.stream().filter(c -> matches(key, c.getPublicKey())).findFirst();
    }

    /** {@code leaf} followed by its issuers found among {@code pool}, in order. */
    static List<X509Certificate> chain(X509Certificate leaf, List<X509Certificate> pool) {
        List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
        X509Certificate current = leaf;
        while (!current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
            X509Certificate child = current;
            Optional<X509Certificate> issuer = pool.stream().filter(c -> !chain.contains(c))
                    .filter(c -> c.getSubjectX500Principal().equals(child.getIssuerX500Principal())).findFirst();
            if (issuer.isEmpty()) {
                break;
            }
            chain.add(issuer.get());
            current = issuer.get();
        }
        return chain;
    }
}
