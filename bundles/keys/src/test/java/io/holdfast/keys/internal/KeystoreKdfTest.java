package io.holdfast.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.holdfast.keys.api.KeyPurpose;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keystore's password-based key derivation is at OWASP strength (PBKDF2-HMAC-SHA256, 600,000 iterations) for
 * every entry and for the integrity MAC, and a keystore written by an older Holdfast at the JDK's 10,000 still
 * opens with the same passphrase and is re-protected.
 */
class KeystoreKdfTest {
    private static final char[] PASSPHRASE = "kdf-test-passphrase".toCharArray();
    /** DER INTEGER 600000 and 10000, as PKCS#12 writes iteration counts (PBKDF2 params and MacData). */
    private static final byte[] DER_600000 = {0x02, 0x03, 0x09, 0x27, (byte) 0xC0};
    private static final byte[] DER_10000 = {0x02, 0x02, 0x27, 0x10};

    @TempDir
    Path data;

    @Test
    void newKeystoreDerivesEveryEntryKeyAndTheMacAt600000Iterations() throws Exception {
        Path file = data.resolve("keys/master.p12");
        KeystoreMasterKeys.open(file, PASSPHRASE, true, data).close();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(KeystoreFile.PBKDF2_ITERATIONS).isGreaterThanOrEqualTo(600_000);
        assertThat(KeystoreFile.macIterations(file)).isEqualTo(600_000);
        assertThat(count(bytes, DER_600000)).as("one per purpose key plus the MAC")
                .isGreaterThanOrEqualTo(KeyPurpose.values().length + 1);
        assertThat(count(bytes, DER_10000)).isZero();
    }

    @Test
    void legacyKeystoreAt10000IterationsOpensWithItsKeysAndIsReprotected() throws Exception {
        Path file = data.resolve("keys/master.p12");
        Files.createDirectories(file.getParent());
        KeyStore legacy = KeystoreFile.empty();
        for (KeyPurpose purpose : KeyPurpose.values()) {
            KeyGenerator generator = KeyGenerator.getInstance(purpose == KeyPurpose.FIELD_DIGEST ? "HmacSHA256" : "AES");
            generator.init(256);
            // what Holdfast wrote before: JDK default iteration counts (10,000) for the entries and the MAC
            legacy.setEntry(new KeyAlias(purpose, 1).alias(), new KeyStore.SecretKeyEntry(generator.generateKey()),
                    new KeyStore.PasswordProtection(PASSPHRASE, KeystoreFile.ENTRY_PROTECTION, null));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            legacy.store(out, PASSPHRASE);
        }
        assertThat(KeystoreFile.macIterations(file)).isEqualTo(10_000);
        KeyStore.SecretKeyEntry original = (KeyStore.SecretKeyEntry) legacy.getEntry("payload-v1",
                new KeyStore.PasswordProtection(PASSPHRASE));

        try (KeystoreMasterKeys keys = KeystoreMasterKeys.open(file, PASSPHRASE, false, data)) {
            assertThat(keys.current(KeyPurpose.PAYLOAD).key().getEncoded()).isEqualTo(original.getSecretKey().getEncoded());
        }
        assertThat(KeystoreFile.macIterations(file)).isEqualTo(600_000);
        assertThat(count(Files.readAllBytes(file), DER_10000)).isZero();
        try (KeystoreMasterKeys reopened = KeystoreMasterKeys.open(file, PASSPHRASE, false, data)) {
            assertThat(reopened.current(KeyPurpose.PAYLOAD).key().getEncoded()).isEqualTo(original.getSecretKey().getEncoded());
        }
    }

    @Test
    void macPropertiesAreRestoredAfterAWrite() {
        System.clearProperty("keystore.pkcs12.macIterationCount");
        KeystoreMasterKeys.open(data.resolve("keys/master.p12"), PASSPHRASE, true, data).close();
        assertThat(System.getProperty("keystore.pkcs12.macIterationCount")).isNull();
        assertThat(System.getProperty("keystore.pkcs12.macAlgorithm")).isNull();
    }

    private static int count(byte[] haystack, byte[] needle) {
        int found = 0;
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            found++;
        }
        return found;
    }
}
