package io.holdfast.credentials.internal.material;

import io.holdfast.credentials.api.CredentialKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The plaintext form of a vault version, sealed by the vault: a format byte, the kind, then the
 * kind's fields (keys as PKCS#8, certificates as DER, secrets as UTF-8). Temporary key and secret
 * bytes are zeroed as soon as they are written.
 */
public final class MaterialCodec {
    private static final int FORMAT = 1;

    private MaterialCodec() {
    }

    public static byte[] encode(Material material) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeUTF(material.kind().name());
            if (material instanceof Material.KeyPair m) {
                writeKey(out, m.privateKey());
                writeCerts(out, m.chain());
            } else if (material instanceof Material.TrustAnchors m) {
                writeCerts(out, m.anchors());
            } else if (material instanceof Material.JwtKey m) {
                writeKey(out, m.privateKey());
                out.writeUTF(m.kid());
                writeCerts(out, m.certificates());
            } else if (material instanceof Material.Text m) {
                writeSecret(out, m.value());
            } else if (material instanceof Material.OrgCredential m) {
                out.writeUTF(m.username());
                writeSecret(out, m.password());
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not encode " + material.kind() + " material", e);
        }
        return bytes.toByteArray();
    }

    public static Material decode(byte[] plaintext) throws IOException, GeneralSecurityException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            int format = in.readUnsignedByte();
            if (format != FORMAT) {
                throw new IOException("unknown vault material format " + format);
            }
            CredentialKind kind = CredentialKind.valueOf(in.readUTF());
            return switch (kind) {
                case KEY_PAIR -> new Material.KeyPair(readKey(in), readCerts(in));
                case TRUST_ANCHORS -> new Material.TrustAnchors(readCerts(in));
                case JWT_SIGNING_KEY -> readJwtKey(in);
                case API_KEY, SECRET -> new Material.Text(kind, readSecret(in));
                case ORG_CREDENTIAL -> new Material.OrgCredential(in.readUTF(), readSecret(in));
            };
        }
    }

    private static Material.JwtKey readJwtKey(DataInputStream in) throws IOException, GeneralSecurityException {
        PrivateKey key = readKey(in);
        String kid = in.readUTF();
        List<X509Certificate> certs = readCerts(in);
        return new Material.JwtKey(key, kid, certs.isEmpty() ? Optional.empty() : Optional.of(certs.get(0)));
    }

    private static void writeKey(DataOutputStream out, PrivateKey key) throws IOException {
        out.writeUTF(key.getAlgorithm());
        byte[] encoded = key.getEncoded();
        try {
            writeBytes(out, encoded);
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static PrivateKey readKey(DataInputStream in) throws IOException, GeneralSecurityException {
        String algorithm = in.readUTF();
        byte[] encoded = readBytes(in);
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(encoded));
        } finally {
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static void writeCerts(DataOutputStream out, List<X509Certificate> certs)
            throws IOException, GeneralSecurityException {
        out.writeShort(certs.size());
        for (X509Certificate cert : certs) {
            writeBytes(out, cert.getEncoded());
        }
    }

    private static List<X509Certificate> readCerts(DataInputStream in) throws IOException, GeneralSecurityException {
        int count = in.readUnsignedShort();
        List<X509Certificate> certs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            certs.add(Certificates.jdk(readBytes(in)));
        }
        return certs;
    }

    private static void writeSecret(DataOutputStream out, Secret secret) throws IOException {
        byte[] utf8 = secret.utf8();
        try {
            writeBytes(out, utf8);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private static Secret readSecret(DataInputStream in) throws IOException {
        byte[] utf8 = readBytes(in);
        try {
            return Secret.ofUtf8(utf8);
        } finally {
            Arrays.fill(utf8, (byte) 0);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > 1 << 20) {
            throw new IOException("implausible field length " + length);
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return bytes;
    }
}
