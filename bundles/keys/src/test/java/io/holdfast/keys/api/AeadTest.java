package io.holdfast.keys.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.keys.internal.KeystoreMasterKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AeadTest {
    private static final byte[] AAD = "vault-entry-17".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SECRET = "client-secret-value".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path data;

    private KeystoreMasterKeys keys;

    @BeforeEach
    void open() {
        keys = KeystoreMasterKeys.open(data.resolve("keys/master.p12"), "pass".toCharArray(), true, data);
    }

    @AfterEach
    void close() {
        keys.close();
    }

    @Test
    void roundTripsWithHeaderAndRandomNonce() {
        byte[] sealed = Aead.seal(keys, KeyPurpose.VAULT, SECRET, AAD);
        assertThat(sealed).hasSize(SECRET.length + Aead.OVERHEAD).startsWith('H', 'F', 'K', '1');
        assertThat(sealed[4]).isEqualTo((byte) 3);
        assertThat(ByteBuffer.wrap(sealed, 5, 4).getInt()).isEqualTo(1);
        assertThat(Aead.open(keys, KeyPurpose.VAULT, sealed, AAD)).isEqualTo(SECRET);
        assertThat(Aead.seal(keys, KeyPurpose.VAULT, SECRET, AAD)).isNotEqualTo(sealed);
        assertThat(Aead.open(keys, KeyPurpose.PAYLOAD, Aead.seal(keys, KeyPurpose.PAYLOAD, new byte[0], new byte[0]),
                new byte[0])).isEmpty();
    }

    @Test
    void noncesAreRandom96BitAndUnique() {
        assertThat(Aead.HEADER_BYTES - 9).as("nonce bytes").isEqualTo(12);
        java.util.Set<String> nonces = new java.util.HashSet<>();
        java.util.Set<Byte> firstBytes = new java.util.HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            byte[] sealed = Aead.seal(keys, KeyPurpose.VAULT, SECRET, AAD);
            byte[] nonce = java.util.Arrays.copyOfRange(sealed, 9, Aead.HEADER_BYTES);
            nonces.add(java.util.HexFormat.of().formatHex(nonce));
            firstBytes.add(nonce[0]);
        }
        assertThat(nonces).as("same key, same plaintext: every nonce differs").hasSize(10_000);
        // a counter or a fixed prefix would keep the leading byte constant
        assertThat(firstBytes.size()).isGreaterThan(200);
    }

    @Test
    void everyBitFlipIsDetected() {
        byte[] sealed = Aead.seal(keys, KeyPurpose.VAULT, SECRET, AAD);
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) (1 << bit);
                ErrorCode expected = i >= 5 && i < 9 ? ErrorCode.KEYSTORE_UNAVAILABLE : ErrorCode.PAYLOAD_INTEGRITY;
                assertThatThrownBy(() -> Aead.open(keys, KeyPurpose.VAULT, tampered, AAD))
                        .as("byte %d bit %d", i, bit).isInstanceOfSatisfying(HoldfastException.class,
                                e -> assertThat(e.errorCode()).isEqualTo(expected));
            }
        }
    }

    @Test
    void wrongAadPurposeOrLengthIsRefused() {
        byte[] sealed = Aead.seal(keys, KeyPurpose.VAULT, SECRET, AAD);
        assertIntegrity(() -> Aead.open(keys, KeyPurpose.VAULT, sealed, "vault-entry-18".getBytes(StandardCharsets.UTF_8)));
        assertIntegrity(() -> Aead.open(keys, KeyPurpose.PAYLOAD, sealed, AAD));
        assertIntegrity(() -> Aead.open(keys, KeyPurpose.VAULT, java.util.Arrays.copyOf(sealed, sealed.length - 1), AAD));
        assertIntegrity(() -> Aead.open(keys, KeyPurpose.VAULT, new byte[Aead.OVERHEAD - 1], AAD));
        assertThatThrownBy(() -> Aead.seal(keys, KeyPurpose.FIELD_DIGEST, SECRET, AAD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oldValuesOpenAfterRotationAndNewOnesUseTheNewVersion() {
        byte[] old = Aead.seal(keys, KeyPurpose.VAULT, SECRET, AAD);
        keys.rotate(KeyPurpose.VAULT);
        byte[] fresh = Aead.seal(keys, KeyPurpose.VAULT, SECRET, AAD);
        assertThat(ByteBuffer.wrap(fresh, 5, 4).getInt()).isEqualTo(2);
        assertThat(Aead.open(keys, KeyPurpose.VAULT, old, AAD)).isEqualTo(SECRET);
        assertThat(Aead.open(keys, KeyPurpose.VAULT, fresh, AAD)).isEqualTo(SECRET);
    }

    private static void assertIntegrity(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(HoldfastException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PAYLOAD_INTEGRITY));
    }
}
