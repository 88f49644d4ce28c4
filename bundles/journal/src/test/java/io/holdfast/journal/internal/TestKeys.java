package io.holdfast.journal.internal;

import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.api.PurposeKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** In-memory master keys for plain-JVM tests (the real keystore is tested in bundles/keys). */
public final class TestKeys implements MasterKeys {
    private final Map<KeyPurpose, PurposeKey> keys = new EnumMap<>(KeyPurpose.class);

    public TestKeys() {
        byte i = 1;
        for (KeyPurpose p : KeyPurpose.values()) {
            byte[] k = new byte[32];
            java.util.Arrays.fill(k, i++);
            keys.put(p, new PurposeKey(p, 1, new SecretKeySpec(k, "AES")));
        }
    }

    @Override
    public PurposeKey current(KeyPurpose purpose) {
        return keys.get(purpose);
    }

    @Override
    public PurposeKey version(KeyPurpose purpose, int version) {
        return keys.get(purpose);
    }

    @Override
    public String digest(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.get(KeyPurpose.FIELD_DIGEST).key().getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public PurposeKey rotate(KeyPurpose purpose) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Path keystorePath() {
        return Path.of("memory");
    }
}
