package io.holdfast.testkit;

import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.api.PurposeKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Master keys held in memory with fixed, well-known values: payloads, journal details, work files
 * and vault entries are really encrypted (AES-GCM, as in production) but a test needs no keystore
 * or passphrase. Never use outside tests: the keys are public. Rotation adds a version, so
 * re-encryption paths can be tested too.
 */
public final class TestMasterKeys implements MasterKeys {
    private final Map<KeyPurpose, List<PurposeKey>> keys = new EnumMap<>(KeyPurpose.class);

    public TestMasterKeys() {
        for (KeyPurpose purpose : KeyPurpose.values()) {
            List<PurposeKey> versions = new ArrayList<>();
            versions.add(key(purpose, 1));
            keys.put(purpose, versions);
        }
    }

    private static PurposeKey key(KeyPurpose purpose, int version) {
        byte[] bytes = new byte[32];
        Arrays.fill(bytes, (byte) (purpose.ordinal() * 16 + version));
        return new PurposeKey(purpose, version, new SecretKeySpec(bytes, "AES"));
    }

    @Override
    public synchronized PurposeKey current(KeyPurpose purpose) {
        List<PurposeKey> versions = keys.get(purpose);
        return versions.get(versions.size() - 1);
    }

    @Override
    public synchronized PurposeKey version(KeyPurpose purpose, int version) {
        return keys.get(purpose).stream().filter(k -> k.version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no test key " + purpose + " version " + version));
    }

    @Override
    public String digest(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(version(KeyPurpose.FIELD_DIGEST, 1).key().getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    @Override
    public synchronized PurposeKey rotate(KeyPurpose purpose) {
        PurposeKey next = key(purpose, current(purpose).version() + 1);
        keys.get(purpose).add(next);
        return next;
    }

    @Override
    public Path keystorePath() {
        return Path.of("memory:test-master-keys");
    }

    @Override
    public synchronized List<Integer> versions(KeyPurpose purpose) {
        return keys.get(purpose).stream().map(PurposeKey::version).toList();
    }
}
