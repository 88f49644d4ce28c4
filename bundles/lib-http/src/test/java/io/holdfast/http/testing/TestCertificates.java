package io.holdfast.http.testing;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throwaway PKI made fresh per test class: a CA, a server certificate for 127.0.0.1 and client
 * certificates signed by that CA (or by a second, untrusted CA). EC P-256, BouncyCastle builders.
 */
public final class TestCertificates {
    private static final char[] PASSWORD = "test".toCharArray();

    /** A key pair with its certificate chain (leaf first). */
    public record Identity(KeyPair keys, X509Certificate[] chain) {
        public X509Certificate leaf() {
            return chain[0];
        }
    }

    private final Identity ca;

    private TestCertificates(Identity ca) {
        this.ca = ca;
    }

    public static TestCertificates newAuthority(String name) throws Exception {
        KeyPair keys = keyPair();
        X509Certificate cert = sign(dn("CN=" + name), keys, dn("CN=" + name), keys, true, null);
        return new TestCertificates(new Identity(keys, new X509Certificate[] {cert}));
    }

    public X509Certificate caCertificate() {
        return ca.leaf();
    }

    public Identity server() throws Exception {
        KeyPair keys = keyPair();
        GeneralNames san = new GeneralNames(new GeneralName[] {new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.dNSName, "localhost")});
        return new Identity(keys, new X509Certificate[] {sign(new X500Name("CN=localhost"), keys,
                X500Name.getInstance(ca.leaf().getSubjectX500Principal().getEncoded()), ca.keys(), false, san), ca.leaf()});
    }

    public Identity client(String dn) throws Exception {
        KeyPair keys = keyPair();
        return new Identity(keys, new X509Certificate[] {sign(dn(dn), keys,
                X500Name.getInstance(ca.leaf().getSubjectX500Principal().getEncoded()), ca.keys(), false, null), ca.leaf()});
    }

    /** Server side: its own key and chain; trusts this CA for client certificates. */
    public SSLContext serverContext(Identity server) throws Exception {
        return context(server, ca.leaf());
    }

    /** Client side: trusts {@code trusted}; presents {@code client} if not null. */
    public static SSLContext clientContext(Identity client, X509Certificate trusted) throws Exception {
        return context(client, trusted);
    }

    private static SSLContext context(Identity own, X509Certificate trusted) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        if (own != null) {
            keyStore.setKeyEntry("own", own.keys().getPrivate(), PASSWORD, own.chain());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, PASSWORD);
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("ca", trusted);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return context;
    }

    /** As the JDK encodes an RFC 2253 name (most significant RDN first), so getName() gives the text back. */
    private static X500Name dn(String rfc2253) {
        return X500Name.getInstance(new javax.security.auth.x500.X500Principal(rfc2253).getEncoded());
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate sign(X500Name subject, KeyPair subjectKeys, X500Name issuer, KeyPair issuerKeys, boolean ca,
                                        GeneralNames san) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)), subject, subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        if (san != null) {
            builder.addExtension(Extension.subjectAlternativeName, false, san);
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
