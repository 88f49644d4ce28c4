package io.holdfast.credentials.testing;

import io.holdfast.api.error.ErrorCode;
import io.holdfast.api.error.HoldfastException;
import io.holdfast.keys.api.KeyPurpose;
import io.holdfast.keys.api.MasterKeys;
import io.holdfast.keys.api.PurposeKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;

/** Fixed in-memory AES-256 keys, rotatable, for plain-JVM tests. */
public final class FakeMasterKeys implements MasterKeys {
    private final List<PurposeKey> vaultKeys = new ArrayList<>();

    public FakeMasterKeys() {
        rotate(KeyPurpose.VAULT);
    }

    @Override
    public synchronized PurposeKey current(KeyPurpose purpose) {
        return vaultKeys.get(vaultKeys.size() - 1);
    }

    @Override
    public synchronized PurposeKey version(KeyPurpose purpose, int version) {
        if (version < 1 || version > vaultKeys.size()) {
            throw new HoldfastException(ErrorCode.KEYSTORE_UNAVAILABLE, "no key version " + version);
        }
        return vaultKeys.get(version - 1);
    }

    @Override
    public String digest(String value) {
        return HexFormat.of().formatHex(value.getBytes());
    }

    @Override
    public synchronized PurposeKey rotate(KeyPurpose purpose) {
        byte[] key = new byte[32];
        java.util.Arrays.fill(key, (byte) (vaultKeys.size() + 1));
        PurposeKey k = new PurposeKey(KeyPurpose.VAULT, vaultKeys.size() + 1, new SecretKeySpec(key, "AES"));
        vaultKeys.add(k);
        return k;
    }

    @Override
    public Path keystorePath() {
        return Path.of("memory");
    }
}
