package io.holdfast.credentials.internal.material;

import io.holdfast.credentials.api.CredentialKind;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Decrypted content of one vault version. Never logged: every {@code toString} hides secrets. */
public sealed interface Material {

    CredentialKind kind();

    /** Certificates to monitor and to check for expiry (leaf first where there is one). */
    List<X509Certificate> certificates();

    /** Key id to name in the credential identity, if any. */
    default Optional<String> keyId() {
        return Optional.empty();
    }

    /** Private key + certificate chain, leaf first. */
    record KeyPair(PrivateKey privateKey, List<X509Certificate> chain) implements Material {
        public KeyPair {
            Objects.requireNonNull(privateKey);
            chain = List.copyOf(chain);
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("a key pair needs its certificate");
            }
        }

        public X509Certificate leaf() {
            return chain.get(0);
        }

        @Override
        public CredentialKind kind() {
            return CredentialKind.KEY_PAIR;
        }

        @Override
        public List<X509Certificate> certificates() {
            return chain;
        }

        @Override
        public String toString() {
            return "KeyPair[" + leaf().getSubjectX500Principal().getName() + ", chain " + chain.size() + "]";
        }
    }

    /** CA certificates to trust. */
    record TrustAnchors(List<X509Certificate> anchors) implements Material {
        public TrustAnchors {
            anchors = List.copyOf(anchors);
        }

        @Override
        public CredentialKind kind() {
            return CredentialKind.TRUST_ANCHORS;
        }

        @Override
        public List<X509Certificate> certificates() {
            return anchors;
        }
    }

    /** RS512 client-assertion key with its kid, optionally with its certificate. */
    record JwtKey(PrivateKey privateKey, String kid, Optional<X509Certificate> certificate) implements Material {
        public JwtKey {
            Objects.requireNonNull(privateKey);
            Objects.requireNonNull(kid);
            certificate = certificate == null ? Optional.empty() : certificate;
        }

        @Override
        public CredentialKind kind() {
            return CredentialKind.JWT_SIGNING_KEY;
        }

        @Override
        public List<X509Certificate> certificates() {
            return certificate.map(List::of).orElse(List.of());
        }

        @Override
        public Optional<String> keyId() {
            return Optional.of(kid);
        }

        @Override
        public String toString() {
            return "JwtKey[kid " + kid + "]";
        }
    }

    /** API key, password or shared secret. */
    record Text(CredentialKind kind, Secret value) implements Material {
        public Text {
            if (kind != CredentialKind.API_KEY && kind != CredentialKind.SECRET) {
                throw new IllegalArgumentException("text material is API_KEY or SECRET, not " + kind);
            }
            Objects.requireNonNull(value);
        }

        @Override
        public List<X509Certificate> certificates() {
            return List.of();
        }
    }

    /** User name (or mailbox id) + password. */
    record OrgCredential(String username, Secret password) implements Material {
        public OrgCredential {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
        }

        @Override
        public CredentialKind kind() {
            return CredentialKind.ORG_CREDENTIAL;
        }

        @Override
        public List<X509Certificate> certificates() {
            return List.of();
        }
    }
}
