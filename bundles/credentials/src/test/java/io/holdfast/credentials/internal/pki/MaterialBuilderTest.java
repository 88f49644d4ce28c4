package io.holdfast.credentials.internal.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.credentials.api.CredentialImportException;
import io.holdfast.credentials.api.CredentialImportException.Reason;
import io.holdfast.credentials.api.CredentialKind;
import io.holdfast.credentials.api.CredentialTarget;
import io.holdfast.credentials.api.ImportRequest;
import io.holdfast.credentials.internal.material.Material;
import io.holdfast.credentials.testing.TestPki;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class MaterialBuilderTest {
    private static final Instant NOW = Instant.now();
    private static final char[] PASS = "correct horse battery".toCharArray();
    private final TestPki pki = new TestPki(NOW);
    private final MaterialBuilder builder = new MaterialBuilder(Clock.fixed(NOW, ZoneOffset.UTC));

    private static ImportRequest request(CredentialKind kind, byte[]... parts) {
        return ImportRequest.of(CredentialTarget.entry("int", "x"), kind, Arrays.asList(parts));
    }

    private static void refused(ThrowingCallable call, Reason reason, String message) {
        assertThatThrownBy(call).isInstanceOf(CredentialImportException.class)
                .satisfies(e -> assertThat(((CredentialImportException) e).reason()).isEqualTo(reason))
                .hasMessageContaining(message)
                .hasMessageEndingWith("; nothing was imported")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(new String(PASS)));
    }

    @Test
    void pemWithKeyAndUnorderedChainGivesAnOrderedKeyPair() {
        X509Certificate leaf = pki.client("spine-client", Duration.ofDays(365));
        Material.KeyPair m = (Material.KeyPair) builder.build(request(CredentialKind.KEY_PAIR,
                TestPki.pem(pki.ca, TestPki.CLIENT_KEY.getPrivate(), leaf))).material();
        assertThat(m.chain()).containsExactly(leaf, pki.ca);
        assertThat(m.privateKey().getEncoded()).isEqualTo(TestPki.CLIENT_KEY.getPrivate().getEncoded());
    }

    @Test
    void pkcs12WithPassphrase() {
        X509Certificate leaf = pki.client("p12-client", Duration.ofDays(365));
        byte[] p12 = TestPki.pkcs12(TestPki.CLIENT_KEY.getPrivate(), PASS, leaf, pki.ca);
        Material.KeyPair m = (Material.KeyPair) builder.build(request(CredentialKind.KEY_PAIR, p12).withPassphrase(PASS)).material();
        assertThat(m.leaf()).isEqualTo(leaf);
        assertThat(m.chain()).hasSize(2);
    }

    @Test
    void derPkcs8KeyWithDerCertificate() {
        X509Certificate leaf = pki.client("der-client", Duration.ofDays(365));
        Material.KeyPair m = (Material.KeyPair) builder.build(request(CredentialKind.KEY_PAIR,
                TestPki.CLIENT_KEY.getPrivate().getEncoded(), encoded(leaf))).material();
        assertThat(m.leaf()).isEqualTo(leaf);
    }

    @Test
    void encryptedPemKeyWithPassphrase() {
        X509Certificate leaf = pki.client("enc-client", Duration.ofDays(365));
        byte[] key = TestPki.encryptedPem(TestPki.CLIENT_KEY.getPrivate(), PASS);
        Material.KeyPair m = (Material.KeyPair) builder.build(request(CredentialKind.KEY_PAIR, key, TestPki.pem(leaf))
                .withPassphrase(PASS)).material();
        assertThat(m.leaf()).isEqualTo(leaf);
    }

    @Test
    void wrongPassphraseIsNamedAsSuch() {
        X509Certificate leaf = pki.client("c", Duration.ofDays(365));
        char[] wrong = "wrong".toCharArray();
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, TestPki.pkcs12(TestPki.CLIENT_KEY.getPrivate(), PASS, leaf))
                .withPassphrase(wrong)), Reason.WRONG_PASSPHRASE, "the passphrase does not open the PKCS#12 in the file");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, TestPki.encryptedPem(TestPki.CLIENT_KEY.getPrivate(), PASS),
                TestPki.pem(leaf)).withPassphrase(wrong)), Reason.WRONG_PASSPHRASE, "does not decrypt the private key in file 1 of 2");
    }

    @Test
    void missingPassphraseIsAskedFor() {
        X509Certificate leaf = pki.client("c", Duration.ofDays(365));
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, TestPki.pkcs12(TestPki.CLIENT_KEY.getPrivate(), PASS, leaf))),
                Reason.PASSPHRASE_REQUIRED, "protected by a passphrase, and none was given");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, TestPki.encryptedPem(TestPki.CLIENT_KEY.getPrivate(), PASS))),
                Reason.PASSPHRASE_REQUIRED, "is encrypted and no passphrase was given");
    }

    @Test
    void malformedInputIsRefused() {
        byte[] pem = TestPki.pem(TestPki.CLIENT_KEY.getPrivate(), pki.client("c", Duration.ofDays(365)));
        String text = new String(pem, StandardCharsets.US_ASCII);
        byte[] corrupted = text.replaceFirst("\n[A-Za-z0-9+/]{20}", "\n!!!!corrupted!!!!!!!").getBytes(StandardCharsets.US_ASCII);
        byte[] truncated = text.substring(0, text.length() / 3).getBytes(StandardCharsets.US_ASCII);
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, corrupted)), Reason.MALFORMED, "is malformed PEM");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, truncated)), Reason.MALFORMED, "is malformed PEM");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, "just some text".getBytes())), Reason.MALFORMED,
                "is neither PEM");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, new byte[] {0x30, 0x03, 0x02, 0x01, 0x05})), Reason.MALFORMED,
                "is DER but not PKCS#12, PKCS#8 or X.509");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, new byte[] {0x30, 0x7f, 0x01})), Reason.MALFORMED, "not valid DER");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, "-----BEGIN NOTHING-----\n".getBytes())), Reason.MALFORMED,
                "malformed PEM");
    }

    @Test
    void keyNotMatchingItsCertificateIsRefused() {
        X509Certificate leaf = pki.client("c", Duration.ofDays(365));
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, TestPki.pem(TestPki.OTHER_KEY.getPrivate(), leaf))),
                Reason.KEY_CERT_MISMATCH, "the private key does not match any of the 1 certificates given (first: 'CN=c,O=Holdfast Test'");
    }

    @Test
    void missingOrSurplusPartsAreRefused() {
        X509Certificate leaf = pki.client("c", Duration.ofDays(365));
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, TestPki.pem(leaf))), Reason.MISSING_PART, "no private key found");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, TestPki.pem(TestPki.CLIENT_KEY.getPrivate()))),
                Reason.MISSING_PART, "no certificate found");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, TestPki.pem(TestPki.CLIENT_KEY.getPrivate(),
                TestPki.OTHER_KEY.getPrivate(), leaf))), Reason.UNEXPECTED_PART, "found 2 private keys");
        refused(() -> builder.build(request(CredentialKind.TRUST_ANCHORS, TestPki.pem(TestPki.CLIENT_KEY.getPrivate(), pki.ca))),
                Reason.UNEXPECTED_PART, "TRUST_ANCHORS are CA certificates only");
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR)), Reason.MISSING_PART, "no file or value was given");
    }

    @Test
    void expiredCertificatesAreRefusedAndSoonExpiringOnesNoted() {
        refused(() -> builder.build(request(CredentialKind.KEY_PAIR, TestPki.pem(TestPki.CLIENT_KEY.getPrivate(),
                pki.expiredClient("old")))), Reason.NOT_VALID_NOW, "certificate 'CN=old,O=Holdfast Test'");
        List<String> notes = builder.build(request(CredentialKind.KEY_PAIR, TestPki.pem(TestPki.CLIENT_KEY.getPrivate(),
                pki.client("soon", Duration.ofDays(29).plusHours(1)), pki.rogueCa))).notes();
        assertThat(notes).anySatisfy(n -> assertThat(n).contains("'CN=soon,O=Holdfast Test'").contains("expires in 29 days"))
                .anySatisfy(n -> assertThat(n).contains("1 certificate(s) outside the key's chain were not stored"));
    }

    @Test
    void trustAnchors() {
        Material.TrustAnchors m = (Material.TrustAnchors) builder.build(request(CredentialKind.TRUST_ANCHORS,
                TestPki.pem(pki.ca, pki.rogueCa))).material();
        assertThat(m.anchors()).containsExactly(pki.ca, pki.rogueCa);
    }

    @Test
    void jwtSigningKeyNeedsAKidAndAStrongRsaKey() throws Exception {
        Material.JwtKey m = (Material.JwtKey) builder.build(request(CredentialKind.JWT_SIGNING_KEY,
                TestPki.pem(TestPki.OTHER_KEY.getPrivate(), TestPki.OTHER_KEY.getPublic())).withKeyId("test-1")).material();
        assertThat(m.kid()).isEqualTo("test-1");
        assertThat(builder.build(request(CredentialKind.JWT_SIGNING_KEY, TestPki.pem(TestPki.OTHER_KEY.getPrivate()))
                .withKeyId("k")).notes()).anySatisfy(n -> assertThat(n).contains("asks for 4096"));

        refused(() -> builder.build(request(CredentialKind.JWT_SIGNING_KEY, TestPki.pem(TestPki.OTHER_KEY.getPrivate()))),
                Reason.MISSING_PART, "needs its kid (--kid)");
        refused(() -> builder.build(request(CredentialKind.JWT_SIGNING_KEY, TestPki.pem(TestPki.OTHER_KEY.getPrivate()))
                .withKeyId("bad kid")), Reason.INVALID_VALUE, "must be 1-128 letters");
        refused(() -> builder.build(request(CredentialKind.JWT_SIGNING_KEY, TestPki.pem(TestPki.OTHER_KEY.getPrivate(),
                TestPki.CLIENT_KEY.getPublic())).withKeyId("k")), Reason.KEY_CERT_MISMATCH, "public key given does not match");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        KeyPair ecKey = ec.generateKeyPair();
        refused(() -> builder.build(request(CredentialKind.JWT_SIGNING_KEY, TestPki.pem(ecKey.getPrivate())).withKeyId("k")),
                Reason.UNSUPPORTED, "RS512 client assertions need an RSA key, not EC");
        KeyPair weak = TestPki.rsa(1024);
        refused(() -> builder.build(request(CredentialKind.JWT_SIGNING_KEY, TestPki.pem(weak.getPrivate())).withKeyId("k")),
                Reason.UNSUPPORTED, "the RSA key has 1024 bits; RS512 needs at least 2048");
    }

    @Test
    void textValues() {
        Material.Text apiKey = (Material.Text) builder.build(request(CredentialKind.API_KEY, "abcDEF123\n".getBytes())).material();
        assertThat(apiKey.value().reveal()).isEqualTo("abcDEF123");
        assertThat(apiKey.toString()).doesNotContain("abcDEF123");
        Material.OrgCredential org = (Material.OrgCredential) builder.build(request(CredentialKind.ORG_CREDENTIAL,
                "pa ss wörd\r\n".getBytes(StandardCharsets.UTF_8)).withUsername("X26ABC1")).material();
        assertThat(org.password().reveal()).isEqualTo("pa ss wörd");
        assertThat(org.toString()).doesNotContain("wörd");

        refused(() -> builder.build(request(CredentialKind.API_KEY, "has space".getBytes())), Reason.INVALID_VALUE,
                "an API key is visible ASCII characters without spaces");
        refused(() -> builder.build(request(CredentialKind.API_KEY, "\n".getBytes())), Reason.INVALID_VALUE, "value is empty");
        refused(() -> builder.build(request(CredentialKind.SECRET, "line1\nline2".getBytes())), Reason.INVALID_VALUE,
                "contains control characters");
        refused(() -> builder.build(request(CredentialKind.SECRET, new byte[] {(byte) 0xff, (byte) 0xfe})), Reason.MALFORMED,
                "not valid UTF-8");
        refused(() -> builder.build(request(CredentialKind.ORG_CREDENTIAL, "pw".getBytes())), Reason.MISSING_PART, "--username");
        refused(() -> builder.build(request(CredentialKind.ORG_CREDENTIAL, "pw".getBytes()).withUsername("a:b")),
                Reason.INVALID_VALUE, "without ':'");
    }

    private static byte[] encoded(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
