package io.holdfast.credentials.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificates generated with BouncyCastle for tests: a CA, a rogue CA, client and server
 * certificates with chosen validity. RSA keys are generated once per JVM (they are slow to make).
 */
public final class TestPki {
    public static final Provider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    public static final KeyPair CA_KEY = rsa(2048);
    public static final KeyPair ROGUE_CA_KEY = rsa(2048);
    public static final KeyPair CLIENT_KEY = rsa(2048);
    public static final KeyPair OTHER_KEY = rsa(2048);
    public static final KeyPair SERVER_KEY = rsa(2048);

    public final X509Certificate ca;
    public final X509Certificate rogueCa;
    private final Instant now;

    public TestPki(Instant now) {
        this.now = now;
        this.ca = certificate("Holdfast Test Root CA", CA_KEY, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)),
                null, CA_KEY.getPrivate(), Role.CA);
        this.rogueCa = certificate("Rogue CA", ROGUE_CA_KEY, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(3650)),
                null, ROGUE_CA_KEY.getPrivate(), Role.CA);
    }

    /** What a certificate is for. */
    public enum Role { CA, CLIENT, SERVER }

    public static KeyPair rsa(int bits) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(bits);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client certificate for {@link #CLIENT_KEY} issued by the CA, valid from a day ago for {@code validFor} from now. */
    public X509Certificate client(String cn, Duration validFor) {
        return certificate(cn, CLIENT_KEY, now.minus(Duration.ofDays(1)), now.plus(validFor), ca, CA_KEY.getPrivate(), Role.CLIENT);
    }

    /** Expired yesterday. */
    public X509Certificate expiredClient(String cn) {
        return certificate(cn, CLIENT_KEY, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)), ca, CA_KEY.getPrivate(), Role.CLIENT);
    }

    /** A client certificate for {@link #CLIENT_KEY} issued by the rogue CA. */
    public X509Certificate rogueClient(String cn) {
        return certificate(cn, CLIENT_KEY, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), rogueCa,
                ROGUE_CA_KEY.getPrivate(), Role.CLIENT);
    }

    /** A server certificate for localhost / 127.0.0.1. */
    public X509Certificate server(String host) {
        return certificate(host, SERVER_KEY, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), ca, CA_KEY.getPrivate(),
                Role.SERVER);
    }

    public X509Certificate certificate(String cn, KeyPair key, Instant notBefore, Instant notAfter, X509Certificate issuer,
                                       PrivateKey issuerKey, Role role) {
        try {
            X500Name subject = new X500Name("O=Holdfast Test,CN=" + cn); // encoded O then CN: RFC 2253 shows "CN=..,O=.."
            X500Name issuerName = issuer == null ? subject : X500Name.getInstance(issuer.getSubjectX500Principal().getEncoded());
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName, BigInteger.valueOf(SERIALS.incrementAndGet()),
                    Date.from(notBefore), Date.from(notAfter), subject, key.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(role == Role.CA));
            if (role == Role.CA) {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
                b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        role == Role.SERVER ? KeyPurposeId.id_kp_serverAuth : KeyPurposeId.id_kp_clientAuth));
                if (role == Role.SERVER) {
                    b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, cn), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
                }
            }
            return new JcaX509CertificateConverter().getCertificate(b.build(
                    new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("could not make test certificate " + cn, e);
        }
    }

    /** PEM of keys (unencrypted PKCS#8) and certificates, in the order given. */
    public static byte[] pem(Object... objects) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JcaPEMWriter w = new JcaPEMWriter(new OutputStreamWriter(bytes, StandardCharsets.US_ASCII))) {
            for (Object o : objects) {
                w.writeObject(o instanceof PrivateKey k ? new JcaPKCS8Generator(k, null) : o);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A private key as PEM "ENCRYPTED PRIVATE KEY" (PKCS#8, AES-256-CBC). */
    public static byte[] encryptedPem(PrivateKey key, char[] passphrase) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JcaPEMWriter w = new JcaPEMWriter(new OutputStreamWriter(bytes, StandardCharsets.US_ASCII))) {
            w.writeObject(new JcaPKCS8Generator(key, new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                    .setProvider(BC).setPassword(passphrase).build()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** A PKCS#12 (written by the JDK) holding the key and its chain. */
    public static byte[] pkcs12(PrivateKey key, char[] passphrase, X509Certificate... chain) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("client", key, passphrase, (Certificate[]) chain);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            store.store(bytes, passphrase);
            return bytes.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String base64(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }
}
