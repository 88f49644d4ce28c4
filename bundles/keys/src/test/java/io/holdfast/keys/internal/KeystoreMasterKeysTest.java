package io.holdfast.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.PurposeKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeystoreMasterKeysTest {
    static final char[] PASSPHRASE = "correct horse battery staple 42".toCharArray();

    @TempDir
    Path data;

    private Path keystore() {
        return data.resolve("holdfast/keys/master.p12");
    }

    private KeystoreMasterKeys open() {
        return KeystoreMasterKeys.open(keystore(), PASSPHRASE, true, data.resolve("holdfast"));
    }

    @Test
    void createsKeystoreWithEveryPurposeAtV1OwnerOnly() throws Exception {
        try (KeystoreMasterKeys keys = open()) {
            for (KeyPurpose purpose : KeyPurpose.values()) {
                assertThat(keys.current(purpose).version()).isEqualTo(1);
                assertThat(keys.versions(purpose)).containsExactly(1);
                assertThat(keys.current(purpose).key().getEncoded()).hasSize(32);
            }
            assertThat(keys.current(KeyPurpose.PAYLOAD).key().getAlgorithm()).isEqualTo("AES");
        }
        KeyStore raw = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keystore())) {
            raw.load(in, PASSPHRASE);
        }
        assertThat(Collections.list(raw.aliases())).containsExactlyInAnyOrder("payload-v1", "field_digest-v1", "vault-v1");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore().getParent()))).isEqualTo("rwx------");
        assertThat(filesIn(keystore().getParent())).containsExactly("master.p12");
    }

    @Test
    void reopenGivesTheSameKeysAndDigests() {
        byte[] payloadKey;
        String digest;
        try (KeystoreMasterKeys keys = open()) {
            payloadKey = keys.current(KeyPurpose.PAYLOAD).key().getEncoded();
            digest = keys.digest("9434765919");
        }
        try (KeystoreMasterKeys keys = open()) {
            assertThat(keys.current(KeyPurpose.PAYLOAD).key().getEncoded()).isEqualTo(payloadKey);
            assertThat(keys.digest("9434765919")).isEqualTo(digest);
        }
    }

    @Test
    void digestIsLowercaseHexHmacSha256UnderFieldDigestV1() throws Exception {
        try (KeystoreMasterKeys keys = open()) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.version(KeyPurpose.FIELD_DIGEST, 1).key().getEncoded(), "HmacSHA256"));
            String expected = HexFormat.of().formatHex(mac.doFinal("NHS|9434765919".getBytes(StandardCharsets.UTF_8)));
            assertThat(keys.digest("NHS|9434765919")).isEqualTo(expected).matches("[0-9a-f]{64}");
            assertThat(keys.digest("")).matches("[0-9a-f]{64}");
        }
    }

    @Test
    void digestIsThreadSafe() throws Exception {
        try (KeystoreMasterKeys keys = open()) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                expected.add(keys.digest("value-" + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<List<String>>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    results.add(pool.submit(() -> {
                        List<String> got = new ArrayList<>();
                        for (int i = 0; i < 2_000; i++) {
                            got.add(keys.digest("value-" + i));
                        }
                        return got;
                    }));
                }
                for (Future<List<String>> result : results) {
                    assertThat(result.get()).isEqualTo(expected);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void wrongPassphraseIsRefusedAndLeavesKeystoreUntouched() throws Exception {
        open().close();
        byte[] before = Files.readAllBytes(keystore());
        FileTime modified = Files.getLastModifiedTime(keystore());
        assertThatThrownBy(() -> KeystoreMasterKeys.open(keystore(), "wrong".toCharArray(), true, data.resolve("holdfast")))
                .isInstanceOfSatisfying(HoldfastException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_PASSPHRASE);
                    assertThat(e.getMessage()).contains("passphrase does not open " + keystore());
                });
        assertThat(Files.readAllBytes(keystore())).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(keystore())).isEqualTo(modified);
        assertThat(filesIn(keystore().getParent())).containsExactly("master.p12");
    }

    @Test
    void emptyPassphraseWritesNothing() {
        assertThatThrownBy(() -> KeystoreMasterKeys.open(keystore(), new char[0], true, data.resolve("holdfast")))
                .isInstanceOfSatisfying(HoldfastException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_PASSPHRASE));
        assertThat(data.resolve("holdfast")).doesNotExist();
    }

    @Test
    void missingKeystoreIsNotRecreatedWhenPayloadsExist() throws Exception {
        Path payloads = Files.createDirectories(data.resolve("holdfast/payloads/2025"));
        assertThatThrownBy(this::open).isInstanceOfSatisfying(HoldfastException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_UNAVAILABLE);
            assertThat(e.getMessage()).contains("missing but encrypted data exists under " + payloads.getParent(),
                    "restore the keystore from backup");
        });
        assertThat(keystore().getParent()).doesNotExist();
    }

    @Test
    void missingKeystoreIsNotRecreatedWhenTheJournalHasCommitted() throws Exception {
        Files.createDirectories(data.resolve("holdfast"));
        Path watermark = Files.writeString(data.resolve("holdfast/journal.head"), "12 abc 4\n");
        assertThatThrownBy(this::open).isInstanceOf(HoldfastException.class)
                .hasMessageContaining("encrypted data exists under " + watermark);
        assertThat(keystore()).doesNotExist();
    }

    @Test
    void aFreshDerbyDirectoryDoesNotBlockCreation() throws Exception {
        // The store may boot Derby before the keys component runs on a first start.
        Files.createDirectories(data.resolve("holdfast/derby/holdfast/seg0"));
        open();
        assertThat(keystore()).exists();
    }

    @Test
    void emptyPayloadDirectoryDoesNotBlockCreation() throws Exception {
        Files.createDirectories(data.resolve("holdfast/payloads"));
        open().close();
        assertThat(keystore()).exists();
    }

    @Test
    void missingKeystoreWithoutCreationIsUnavailable() {
        assertThatThrownBy(() -> KeystoreMasterKeys.open(keystore(), PASSPHRASE, false, data.resolve("holdfast")))
                .isInstanceOfSatisfying(HoldfastException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_UNAVAILABLE));
        assertThat(keystore()).doesNotExist();
    }

    @Test
    void corruptKeystoreIsUnavailableAndUntouched() throws Exception {
        Files.createDirectories(keystore().getParent());
        Files.write(keystore(), new byte[] {1, 2, 3, 4});
        assertThatThrownBy(this::open).isInstanceOfSatisfying(HoldfastException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_UNAVAILABLE);
            assertThat(e.getMessage()).contains(keystore().toString(), "restore it from backup");
        });
        assertThat(Files.readAllBytes(keystore())).containsExactly(1, 2, 3, 4);
    }

    @Test
    void rotationAddsVersionsAndKeepsOldOnesAcrossReopen() throws Exception {
        byte[] v1;
        try (KeystoreMasterKeys keys = open()) {
            v1 = keys.current(KeyPurpose.PAYLOAD).key().getEncoded();
            PurposeKey v2 = keys.rotate(KeyPurpose.PAYLOAD);
            assertThat(v2.version()).isEqualTo(2);
            assertThat(keys.rotate(KeyPurpose.PAYLOAD).version()).isEqualTo(3);
            assertThat(keys.rotate(KeyPurpose.VAULT).version()).isEqualTo(2);
            assertThat(keys.current(KeyPurpose.PAYLOAD).version()).isEqualTo(3);
            assertThat(v2.key().getEncoded()).isNotEqualTo(v1);
        }
        try (KeystoreMasterKeys keys = open()) {
            assertThat(keys.versions(KeyPurpose.PAYLOAD)).containsExactly(1, 2, 3);
            assertThat(keys.versions(KeyPurpose.VAULT)).containsExactly(1, 2);
            assertThat(keys.current(KeyPurpose.PAYLOAD).version()).isEqualTo(3);
            assertThat(keys.version(KeyPurpose.PAYLOAD, 1).key().getEncoded()).isEqualTo(v1);
            assertThat(keys.describe()).contains("payload v1,v2,v3 (current v3)");
        }
        assertThat(filesIn(keystore().getParent())).containsExactly("master.p12");
    }

    @Test
    void fieldDigestRotationIsRefusedWithoutChanges() throws Exception {
        try (KeystoreMasterKeys keys = open()) {
            byte[] before = Files.readAllBytes(keystore());
            assertThatThrownBy(() -> keys.rotate(KeyPurpose.FIELD_DIGEST))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot be rotated");
            assertThat(keys.versions(KeyPurpose.FIELD_DIGEST)).containsExactly(1);
            assertThat(Files.readAllBytes(keystore())).isEqualTo(before);
        }
    }

    @Test
    void failedRotationWriteChangesNothing() throws Exception {
        try (KeystoreMasterKeys keys = open()) {
            // A file where the keys directory should be: the temp file cannot be created (works even as root).
            Path dir = keystore().getParent();
            Path saved = data.resolve("saved.p12");
            Files.move(keystore(), saved);
            Files.delete(dir);
            Files.writeString(dir, "not a directory");
            assertThatThrownBy(() -> keys.rotate(KeyPurpose.PAYLOAD)).isInstanceOfSatisfying(HoldfastException.class,
                    e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_UNAVAILABLE));
            assertThat(keys.versions(KeyPurpose.PAYLOAD)).containsExactly(1);
            Files.delete(dir);
            Files.createDirectory(dir);
            Files.move(saved, keystore());
            assertThat(keys.rotate(KeyPurpose.PAYLOAD).version()).isEqualTo(2);
        }
    }

    @Test
    void unknownVersionIsUnavailable() {
        try (KeystoreMasterKeys keys = open()) {
            assertThatThrownBy(() -> keys.version(KeyPurpose.PAYLOAD, 7)).isInstanceOfSatisfying(HoldfastException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.KEYSTORE_UNAVAILABLE);
                assertThat(e.getMessage()).contains("PAYLOAD key v7");
            });
        }
    }

    @Test
    void closedKeysRefuseRotation() {
        KeystoreMasterKeys keys = open();
        keys.close();
        assertThatThrownBy(() -> keys.rotate(KeyPurpose.PAYLOAD)).isInstanceOf(IllegalStateException.class);
        assertThat(keys.digest("still works")).hasSize(64);
    }

    @Test
    void purposeMissingFromAnOlderKeystoreIsAddedAndForeignEntriesKept() throws Exception {
        KeyStore partial = KeystoreFile.empty();
        partial.setEntry("payload-v1", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[32], "AES")),
                new KeyStore.PasswordProtection(PASSPHRASE));
        partial.setEntry("field_digest-v1", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[32], "HmacSHA256")),
                new KeyStore.PasswordProtection(PASSPHRASE));
        partial.setEntry("someone-else", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[16], "AES")),
                new KeyStore.PasswordProtection(PASSPHRASE));
        KeystoreFile.write(keystore(), partial, PASSPHRASE);
        try (KeystoreMasterKeys keys = open()) {
            assertThat(keys.versions(KeyPurpose.VAULT)).containsExactly(1);
            assertThat(keys.current(KeyPurpose.PAYLOAD).key().getEncoded()).isEqualTo(new byte[32]);
        }
        KeyStore raw = KeystoreFile.load(keystore(), PASSPHRASE);
        assertThat(Collections.list(raw.aliases())).contains("vault-v1", "someone-else");
    }

    @Test
    void keystoreFileHoldsNeitherPassphraseNorKeyBytes() throws Exception {
        List<byte[]> secrets = new ArrayList<>();
        try (KeystoreMasterKeys keys = open()) {
            keys.rotate(KeyPurpose.VAULT);
            for (KeyPurpose purpose : KeyPurpose.values()) {
                for (int version : keys.versions(purpose)) {
                    secrets.add(keys.version(purpose, version).key().getEncoded());
                }
            }
        }
        String passphrase = new String(PASSPHRASE);
        secrets.add(passphrase.getBytes(StandardCharsets.UTF_8));
        secrets.add(passphrase.getBytes(StandardCharsets.UTF_16BE));
        secrets.add(passphrase.getBytes(StandardCharsets.UTF_16LE));
        byte[] file = Files.readAllBytes(keystore());
        for (byte[] secret : secrets) {
            assertThat(indexOf(file, secret)).as("secret found in keystore file").isEqualTo(-1);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static List<String> filesIn(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
