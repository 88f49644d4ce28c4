package io.holdfast.credentials.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One import into the vault. {@code parts} are file contents: PEM (keys, certificates, encrypted
 * keys), DER PKCS#8 keys, DER certificates, or one PKCS#12; for API_KEY, SECRET and ORG_CREDENTIAL
 * the single part is the secret as UTF-8 text. The caller should zero {@code parts} and the passphrase
 * afterwards; the vault never keeps them.
 */
public final class ImportRequest {
    private final CredentialTarget target;
    private final CredentialKind kind;
    private final List<byte[]> parts;
    private final char[] passphrase;
    private final Optional<String> keyId;
    private final Optional<String> username;
    private final Activation activation;

    private ImportRequest(CredentialTarget target, CredentialKind kind, List<byte[]> parts, char[] passphrase,
                          Optional<String> keyId, Optional<String> username, Activation activation) {
        this.target = Objects.requireNonNull(target, "target");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.parts = List.copyOf(parts);
        this.passphrase = passphrase;
        this.keyId = keyId;
        this.username = username;
        this.activation = Objects.requireNonNull(activation, "activation");
    }

    public static ImportRequest of(CredentialTarget target, CredentialKind kind, List<byte[]> parts) {
        return new ImportRequest(target, kind, parts, null, Optional.empty(), Optional.empty(), new Activation.Default());
    }

    /** The passphrase of a PKCS#12 or an encrypted PEM/PKCS#8 key (not copied: zero it after the import). */
    public ImportRequest withPassphrase(char[] value) {
        return new ImportRequest(target, kind, parts, value, keyId, username, activation);
    }

    /** The {@code kid} of a JWT_SIGNING_KEY, as registered with the API platform. */
    public ImportRequest withKeyId(String value) {
        return new ImportRequest(target, kind, parts, passphrase, Optional.ofNullable(value), username, activation);
    }

    /** The user name (or MESH mailbox id) of an ORG_CREDENTIAL. */
    public ImportRequest withUsername(String value) {
        return new ImportRequest(target, kind, parts, passphrase, keyId, Optional.ofNullable(value), activation);
    }

    public ImportRequest withActivation(Activation value) {
        return new ImportRequest(target, kind, parts, passphrase, keyId, username, value);
    }

    public CredentialTarget target() {
        return target;
    }

    public CredentialKind kind() {
        return kind;
    }

    public List<byte[]> parts() {
        return parts;
    }

    public Optional<char[]> passphrase() {
        return Optional.ofNullable(passphrase);
    }

    public Optional<String> keyId() {
        return keyId;
    }

    public Optional<String> username() {
        return username;
    }

    public Activation activation() {
        return activation;
    }

    @Override
    public String toString() {
        return "ImportRequest[" + target + ", " + kind + ", " + parts.size() + " parts, passphrase "
                + (passphrase == null ? "none" : "given") + ", " + activation + "]";
    }
}
