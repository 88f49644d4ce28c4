package io.holdfast.credentials.internal.pki;

import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialImportException.Reason;
import io.holdfast.credentials.internal.material.Certificates;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.CertificateException;
import java.util.List;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads PEM (certificates, plain and encrypted keys), DER PKCS#8 keys, DER certificates and PKCS#12
 * with BouncyCastle, and converts everything to JDK objects. Errors name the file position and the
 * problem, never content. Uses its own BouncyCastle provider instance (nothing is registered
 * JVM-wide).
 */
public final class CredentialParser {
    private final Provider bouncyCastle = new BouncyCastleProvider();
    private final JcaPEMKeyConverter keys = new JcaPEMKeyConverter();
    private final Pkcs12Reader pkcs12 = new Pkcs12Reader(bouncyCastle, keys);

    ParsedParts parse(List<byte[]> parts, char[] passphrase) {
        ParsedParts result = new ParsedParts();
        for (int i = 0; i < parts.size(); i++) {
            String where = parts.size() == 1 ? "the file" : "file " + (i + 1) + " of " + parts.size();
            parsePart(parts.get(i), where, passphrase, result);
        }
        return result;
    }

    private void parsePart(byte[] bytes, String where, char[] passphrase, ParsedParts out) {
        if (new String(bytes, StandardCharsets.ISO_8859_1).contains("-----BEGIN ")) {
            parsePem(new String(bytes, StandardCharsets.US_ASCII), where, passphrase, out);
        } else if (bytes.length > 0 && bytes[0] == 0x30) {
            parseDer(bytes, where, passphrase, out);
        } else {
            throw new CredentialImportException(Reason.MALFORMED,
                    where + " is neither PEM (-----BEGIN ...) nor DER (PKCS#8, PKCS#12 or an X.509 certificate)");
        }
    }

    private void parsePem(String text, String where, char[] passphrase, ParsedParts out) {
        int count = 0;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object item;
            while ((item = parser.readObject()) != null) {
                count++;
                addPem(item, where, passphrase, out);
            }
        } catch (CredentialImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CredentialImportException(Reason.MALFORMED, where + " is malformed PEM (block " + (count + 1) + ": "
                    + Diagnostics.safe(e) + ")", e);
        }
        if (count == 0) {
            throw new CredentialImportException(Reason.MALFORMED, where + " has no complete PEM block (-----BEGIN/-----END)");
        }
    }

    private void addPem(Object item, String where, char[] passphrase, ParsedParts out) throws IOException {
        if (item instanceof X509CertificateHolder holder) {
            out.addCertificate(certificate(holder.getEncoded(), where));
        } else if (item instanceof PEMKeyPair pair) {
            out.keys.add(keys.getPrivateKey(pair.getPrivateKeyInfo()));
        } else if (item instanceof PrivateKeyInfo info) {
            out.keys.add(keys.getPrivateKey(info));
        } else if (item instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            out.keys.add(decrypt(encrypted, where, passphrase));
        } else if (item instanceof PEMEncryptedKeyPair encrypted) {
            out.keys.add(decrypt(encrypted, where, passphrase));
        } else if (item instanceof SubjectPublicKeyInfo publicKey) {
            out.publicKeys.add(keys.getPublicKey(publicKey));
        } else {
            throw new CredentialImportException(Reason.UNEXPECTED_PART, where + " contains a "
                    + item.getClass().getSimpleName() + ", which the vault does not hold (only keys and certificates)");
        }
    }

    private PrivateKey decrypt(PKCS8EncryptedPrivateKeyInfo encrypted, String where, char[] passphrase) throws IOException {
        requirePassphrase(where, passphrase);
        try {
            return keys.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                    new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(bouncyCastle).build(passphrase)));
        } catch (PKCSException e) {
            throw new CredentialImportException(Reason.WRONG_PASSPHRASE,
                    "the passphrase does not decrypt the private key in " + where, e);
        } catch (OperatorCreationException e) {
            throw new CredentialImportException(Reason.UNSUPPORTED,
                    "the key encryption in " + where + " is not supported (" + Diagnostics.safe(e) + ")", e);
        }
    }

    private PrivateKey decrypt(PEMEncryptedKeyPair encrypted, String where, char[] passphrase) {
        requirePassphrase(where, passphrase);
        try {
            return keys.getPrivateKey(encrypted.decryptKeyPair(
                    new JcePEMDecryptorProviderBuilder().setProvider(bouncyCastle).build(passphrase)).getPrivateKeyInfo());
        } catch (IOException | RuntimeException e) {
            throw new CredentialImportException(Reason.WRONG_PASSPHRASE,
                    "the passphrase does not decrypt the private key in " + where, e);
        }
    }

    private static void requirePassphrase(String where, char[] passphrase) {
        if (passphrase == null) {
            throw new CredentialImportException(Reason.PASSPHRASE_REQUIRED,
                    "the private key in " + where + " is encrypted and no passphrase was given");
        }
    }

    private void parseDer(byte[] bytes, String where, char[] passphrase, ParsedParts out) {
        ASN1Sequence seq;
        try {
            seq = ASN1Sequence.getInstance(bytes);
        } catch (RuntimeException e) {
            throw new CredentialImportException(Reason.MALFORMED, where + " is not valid DER (" + Diagnostics.safe(e) + ")", e);
        }
        try {
            if (seq.size() >= 2 && seq.getObjectAt(0) instanceof ASN1Integer v && v.hasValue(3)) {
                pkcs12.read(bytes, where, passphrase, out);
            } else if (seq.size() >= 3 && seq.getObjectAt(0) instanceof ASN1Integer && seq.getObjectAt(2) instanceof ASN1OctetString) {
                out.keys.add(keys.getPrivateKey(PrivateKeyInfo.getInstance(seq)));
            } else if (seq.size() == 2 && seq.getObjectAt(0) instanceof ASN1Sequence && seq.getObjectAt(1) instanceof ASN1OctetString) {
                out.keys.add(decrypt(new PKCS8EncryptedPrivateKeyInfo(EncryptedPrivateKeyInfo.getInstance(seq)), where, passphrase));
            } else if (seq.size() == 3 && seq.getObjectAt(0) instanceof ASN1Sequence && seq.getObjectAt(2) instanceof ASN1BitString) {
                out.addCertificate(certificate(bytes, where));
            } else {
                throw new CredentialImportException(Reason.MALFORMED, where + " is DER but not PKCS#12, PKCS#8 or X.509");
            }
        } catch (CredentialImportException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new CredentialImportException(Reason.MALFORMED, where + " could not be read (" + Diagnostics.safe(e) + ")", e);
        }
    }

    static java.security.cert.X509Certificate certificate(byte[] der, String where) {
        try {
            return Certificates.jdk(der);
        } catch (CertificateException e) {
            throw new CredentialImportException(Reason.MALFORMED, where + " has a certificate that could not be read ("
                    + Diagnostics.safe(e) + ")", e);
        }
    }
}
